package io.warroom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The container image and deployment files, which no machine here can run (no Docker, no
 * Kubernetes), checked against the code: every environment variable they give Warroom is one the
 * code reads, the probes ask Warroom's two health endpoints on Warroom's port, and the image starts
 * with the README's run command.
 */
@Tag("fast")
class DeployFilesTest {

  static final Path DEPLOY = Path.of("deploy");
  static final ObjectMapper JSON = new ObjectMapper();
  static final Set<String> PROBES = Set.of("/health/live", "/health/ready");

  /**
   * The environment variables Warroom reads: those application.yml names, and each {@code
   * warroom.*}, {@code slack.*} or {@code micronaut.*} property the code reads, in the form
   * Micronaut maps from the environment ({@code warroom.delivery.lease} ← {@code
   * WARROOM_DELIVERY_LEASE}).
   */
  static Set<String> settings() throws IOException {
    Set<String> names = new TreeSet<>();
    Matcher yml =
        Pattern.compile("\\$\\{([A-Z][A-Z0-9_]+):")
            .matcher(Files.readString(Path.of("src/main/resources/application.yml")));
    while (yml.find()) {
      names.add(yml.group(1));
    }
    Pattern property = Pattern.compile("\\$\\{((?:warroom|slack|micronaut)\\.[a-z0-9.-]+)[:}]");
    try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
        Matcher m = property.matcher(Files.readString(file));
        while (m.find()) {
          names.add(m.group(1).replace('.', '_').replace('-', '_').toUpperCase(Locale.ROOT));
        }
      }
    }
    return names;
  }

  /** The README's run command: what follows {@code &&} in the code block of "Run". */
  static String readmeRunCommand() throws IOException {
    String readme = Files.readString(Path.of("README.md"));
    String run = readme.substring(readme.indexOf("## Run"));
    Matcher m = Pattern.compile("&& (java [^\\n]+)").matcher(run);
    assertTrue(m.find(), "the README's Run section has a command");
    return m.group(1).strip();
  }

  @Test
  void theImageStartsWithTheReadmesCommandAsNonRoot() throws IOException {
    String dockerfile = Files.readString(DEPLOY.resolve("Dockerfile"));
    List<String> stages = dockerfile.lines().filter(l -> l.startsWith("FROM ")).toList();
    assertTrue(stages.size() >= 2, "multi-stage: " + stages);

    Matcher cmd = Pattern.compile("(?m)^CMD \\[(.*)]$").matcher(dockerfile);
    assertTrue(cmd.find(), "an exec-form CMD");
    List<String> words = new ArrayList<>();
    for (JsonNode word : new ObjectMapper().readTree("[" + cmd.group(1) + "]")) {
      words.add(word.asText());
    }
    assertEquals(readmeRunCommand(), String.join(" ", words));

    String finalStage = dockerfile.substring(dockerfile.lastIndexOf("\nFROM "));
    assertTrue(
        finalStage.contains("-XX:ArchiveClassesAtExit=target/warroom.jsa")
            && finalStage.contains("--training-run"),
        "the final stage writes the archive with its own JVM");
    Matcher user = Pattern.compile("(?m)^USER (\\S+)").matcher(finalStage);
    assertTrue(user.find(), "a USER");
    assertFalse(user.group(1).startsWith("0") || user.group(1).startsWith("root"), "non-root");
    assertTrue(finalStage.contains("EXPOSE " + port()), "Warroom's port");
    Matcher health = Pattern.compile("http://127\\.0\\.0\\.1:(\\d+)(/\\S*)").matcher(finalStage);
    assertTrue(health.find());
    assertEquals(port(), Integer.parseInt(health.group(1)));
    assertTrue(PROBES.contains(health.group(2)), health.group(2));
    Matcher env = Pattern.compile("(?m)^ENV (\\w+)").matcher(dockerfile);
    Set<String> settings = settings();
    while (env.find()) {
      assertTrue(settings.contains(env.group(1)), env.group(1) + " is no Warroom setting");
    }
  }

  @Test
  void composeGivesWarroomOnlyItsOwnSettingsAndProbesReadiness() throws IOException {
    JsonNode compose = yaml(DEPLOY.resolve("compose.yaml"));
    Set<String> settings = settings();
    int replicas = 0;
    for (Iterator<Map.Entry<String, JsonNode>> it = compose.path("services").fields();
        it.hasNext(); ) {
      Map.Entry<String, JsonNode> service = it.next();
      JsonNode s = service.getValue();
      if (!s.path("build").path("dockerfile").asText().equals("deploy/Dockerfile")) {
        continue;
      }
      replicas++;
      s.path("environment")
          .fieldNames()
          .forEachRemaining(
              name ->
                  assertTrue(
                      settings.contains(name),
                      service.getKey() + ": " + name + " is no Warroom setting"));
      String probe = s.path("healthcheck").path("test").toString();
      assertTrue(probe.contains("http://127.0.0.1:" + port() + "/health/ready"), probe);
    }
    assertEquals(2, replicas, "two Warroom replicas");
    assertTrue(compose.path("services").has("postgres"));
    String nginx = Files.readString(DEPLOY.resolve("nginx.conf"));
    assertTrue(nginx.contains("warroom-1:" + port()) && nginx.contains("warroom-2:" + port()));
  }

  @Test
  void kubernetesProbesBothEndpointsAndSetsOnlyWarroomSettings() throws IOException {
    JsonNode deployment = yaml(DEPLOY.resolve("kubernetes/deployment.yaml"));
    assertEquals("Deployment", deployment.path("kind").asText());
    assertEquals(2, deployment.path("spec").path("replicas").asInt());
    JsonNode container =
        deployment.path("spec").path("template").path("spec").path("containers").get(0);
    Set<String> settings = settings();
    for (JsonNode env : container.path("env")) {
      assertTrue(settings.contains(env.path("name").asText()), env + " is no Warroom setting");
    }
    JsonNode secret = yaml(DEPLOY.resolve("kubernetes/secret.template.yaml"));
    assertEquals(
        secret.path("metadata").path("name").asText(),
        container.path("envFrom").get(0).path("secretRef").path("name").asText());
    secret
        .path("stringData")
        .fieldNames()
        .forEachRemaining(
            name -> assertTrue(settings.contains(name), name + " is no Warroom setting"));

    Map<String, Integer> ports = new java.util.HashMap<>();
    for (JsonNode p : container.path("ports")) {
      ports.put(p.path("name").asText(), p.path("containerPort").asInt());
    }
    assertEquals(Set.of(port()), new HashSet<>(ports.values()));
    Set<String> probed = new HashSet<>();
    for (String probe : List.of("livenessProbe", "readinessProbe", "startupProbe")) {
      JsonNode get = container.path(probe).path("httpGet");
      if (get.isMissingNode()) {
        continue;
      }
      assertTrue(PROBES.contains(get.path("path").asText()), probe + ": " + get);
      JsonNode port = get.path("port");
      assertEquals(port(), port.isInt() ? port.asInt() : ports.get(port.asText()), probe);
      probed.add(probe + " " + get.path("path").asText());
    }
    assertTrue(probed.contains("livenessProbe /health/live"), probed.toString());
    assertTrue(probed.contains("readinessProbe /health/ready"), probed.toString());

    JsonNode service = yaml(DEPLOY.resolve("kubernetes/service.yaml"));
    String target = service.path("spec").path("ports").get(0).path("targetPort").asText();
    assertEquals(port(), ports.containsKey(target) ? ports.get(target) : Integer.parseInt(target));
    JsonNode labels = deployment.path("spec").path("template").path("metadata").path("labels");
    JsonNode pdb = yaml(DEPLOY.resolve("kubernetes/poddisruptionbudget.yaml"));
    assertEquals("PodDisruptionBudget", pdb.path("kind").asText());
    assertEquals(labels, pdb.path("spec").path("selector").path("matchLabels"));
    assertEquals(labels, service.path("spec").path("selector"));
  }

  /** SnakeYAML, which resolves compose's anchors and aliases, read as a JSON tree. */
  static JsonNode yaml(Path file) throws IOException {
    return JSON.valueToTree(new org.yaml.snakeyaml.Yaml().load(Files.readString(file)));
  }

  /** Warroom's default port (application.yml), which the files assume. */
  static int port() throws IOException {
    Matcher m =
        Pattern.compile("MICRONAUT_SERVER_PORT:(\\d+)")
            .matcher(Files.readString(Path.of("src/main/resources/application.yml")));
    assertTrue(m.find());
    return Integer.parseInt(m.group(1));
  }
}
