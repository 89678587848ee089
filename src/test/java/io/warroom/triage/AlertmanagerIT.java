package io.warroom.triage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.warroom.fakeslack.FakeSlack;
import io.warroom.fakeslack.SlackSimulator.Posted;
import io.warroom.incident.Incident;
import io.warroom.incident.IncidentService;
import io.warroom.room.WarRooms;
import io.warroom.support.TestApp;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A real Prometheus Alertmanager in front of Warroom: its webhook_config points at Warroom's
 * endpoint with the integration token, alerts are pushed to Alertmanager's own API, and Warroom
 * must show the triage card, declare the severe one by itself and follow the resolve. Required when
 * {@code CI=true} or {@code -Dwarroom.alertmanager-test=required}; elsewhere skipped with one line
 * when the binary is missing ({@code apt-get install prometheus-alertmanager}, or set {@code
 * ALERTMANAGER_BIN}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AlertmanagerIT {

  static final String TOKEN = "integration-token-real-am";
  static final Duration WAIT = Duration.ofSeconds(60);
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private String missing;
  private FakeSlack slack;
  private TestApp app;
  private Process alertmanager;
  private URI amUrl;
  private String alerts;

  static boolean required() {
    return "true".equalsIgnoreCase(System.getenv("CI"))
        || "required".equalsIgnoreCase(System.getProperty("warroom.alertmanager-test", ""));
  }

  static Optional<Path> binary() {
    String set = System.getenv("ALERTMANAGER_BIN");
    if (set != null && !set.isBlank()) {
      return Files.isExecutable(Path.of(set)) ? Optional.of(Path.of(set)) : Optional.empty();
    }
    for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      for (String name : List.of("prometheus-alertmanager", "alertmanager")) {
        if (!dir.isBlank() && Files.isExecutable(Path.of(dir, name))) {
          return Optional.of(Path.of(dir, name));
        }
      }
    }
    return Optional.empty();
  }

  @BeforeAll
  void start() throws Exception {
    Optional<Path> bin = binary();
    if (bin.isEmpty()) {
      String line =
          "AlertmanagerIT needs Prometheus Alertmanager: apt-get install prometheus-alertmanager"
              + " (or set ALERTMANAGER_BIN)";
      if (required()) {
        throw new AssertionError(line + " (required here: CI or -Dwarroom.alertmanager-test)");
      }
      System.err.println("[SKIPPED] " + line);
      missing = line;
      return;
    }
    slack = FakeSlack.start(TestApp.BOT_TOKEN, TestApp.SIGNING_SECRET);
    String alice = slack.user("alice");
    alerts = slack.channel("alerts", false, alice, alice);
    slack.join(slack.botUserId(), alerts);
    Map<String, Object> settings = new HashMap<>();
    settings.put("warroom.integration-token", TOKEN);
    settings.put("warroom.alerts.channel", alerts);
    settings.put("warroom.alerts.auto-declare", "sev2");
    app = TestApp.start(slack, TestApp.inMemoryDatabase(), settings);

    int port = freePort();
    amUrl = URI.create("http://127.0.0.1:" + port);
    Path dir = Files.createTempDirectory("alertmanager-it");
    Path config = dir.resolve("alertmanager.yml");
    Files.writeString(
        config,
        String.join(
            "\n",
            "global:",
            "  resolve_timeout: 5s",
            "route:",
            "  receiver: warroom",
            "  group_by: ['alertname']",
            "  group_wait: 1s",
            "  group_interval: 1s",
            "  repeat_interval: 1h",
            "receivers:",
            "  - name: warroom",
            "    webhook_configs:",
            "      - url: " + app.url("/integrations/alertmanager"),
            "        send_resolved: true",
            "        http_config:",
            "          authorization:",
            "            type: Bearer",
            "            credentials: " + TOKEN,
            ""),
        StandardCharsets.UTF_8);
    Path log = Path.of("target", "alertmanager-it.log");
    Files.createDirectories(log.getParent());
    alertmanager =
        new ProcessBuilder(
                bin.get().toString(),
                "--config.file=" + config,
                "--storage.path=" + dir.resolve("data"),
                "--web.listen-address=127.0.0.1:" + port,
                "--cluster.listen-address=")
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    TestApp.await("Alertmanager ready (see " + log + ")", WAIT, this::ready);
  }

  @AfterAll
  void stop() {
    if (alertmanager != null) {
      alertmanager.destroy();
    }
    if (app != null) {
      app.close();
    }
  }

  private boolean ready() {
    try {
      return HTTP.send(
                  HttpRequest.newBuilder(amUrl.resolve("/-/ready")).build(),
                  HttpResponse.BodyHandlers.discarding())
              .statusCode()
          == 200;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** Pushes one alert to Alertmanager's own API, as Prometheus does. */
  private void push(String name, String severity, Instant startsAt, Instant endsAt)
      throws Exception {
    String body =
        "[{\"labels\":{\"alertname\":\""
            + name
            + "\",\"severity\":\""
            + severity
            + "\",\"service\":\"checkout\"},\"annotations\":{\"summary\":\""
            + name
            + " <!channel> is failing\",\"runbook_url\":\"https://runbooks.example.com/"
            + name
            + "\"},\"startsAt\":\""
            + startsAt
            + "\",\"endsAt\":\""
            + endsAt
            + "\",\"generatorURL\":\"http://prometheus.example.com:9090/graph\"}]";
    HttpResponse<String> answer =
        HTTP.send(
            HttpRequest.newBuilder(amUrl.resolve("/api/v2/alerts"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertEquals(200, answer.statusCode(), answer.body());
  }

  private List<Posted> cards(String name) {
    return slack.messages(alerts).stream()
        .filter(Posted::byBot)
        .filter(m -> m.allText().contains("alertname=" + name))
        .toList();
  }

  @Test
  void triageCardAutoDeclareAndResolveThroughARealAlertmanager() throws Exception {
    Assumptions.assumeTrue(missing == null, missing);
    Instant now = Instant.now();
    push("ItDiskSlow", "warning", now.minusSeconds(30), now.plusSeconds(3600));
    push("ItCheckoutDown", "critical", now.minusSeconds(90), now.plusSeconds(3600));

    TestApp.await("the triage card", WAIT, () -> cards("ItDiskSlow").size() == 1);
    Posted card = cards("ItDiskSlow").get(0);
    assertTrue(card.allText().contains("FIRING"), card.allText());
    assertTrue(card.allText().contains("SEV3"), card.allText());
    assertTrue(!io.warroom.support.Mrkdwns.pingsEveryone(card), card.allText());

    TestApp.await(
        "the incident Alertmanager declared",
        WAIT,
        () ->
            app.bean(IncidentService.class).all().stream()
                .anyMatch(i -> i.title().startsWith("ItCheckoutDown")));
    Incident incident =
        app.bean(IncidentService.class).all().stream()
            .filter(i -> i.title().startsWith("ItCheckoutDown"))
            .findFirst()
            .orElseThrow();
    assertEquals("Alertmanager", incident.declaredBy());
    TestApp.await(
        "its war room", WAIT, () -> app.bean(WarRooms.class).channelOf(incident.id()).isPresent());
    assertTrue(cards("ItCheckoutDown").isEmpty(), "an auto-declared group needs no triage");

    // Resolved: Prometheus sends the alert again with endsAt in the past.
    push("ItDiskSlow", "warning", now.minusSeconds(30), Instant.now().minusSeconds(1));
    TestApp.await(
        "the card resolved in place",
        WAIT,
        () -> cards("ItDiskSlow").stream().anyMatch(m -> m.allText().contains("RESOLVED")));
    assertEquals(1, cards("ItDiskSlow").size());
    assertEquals(
        1,
        app.bean(IncidentService.class).all().stream()
            .filter(i -> i.title().startsWith("ItCheckoutDown"))
            .count());
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
