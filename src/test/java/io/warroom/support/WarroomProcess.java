package io.warroom.support;

import io.warroom.fakeslack.FakeSlack;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Warroom in its own JVM, configured only through environment variables as SPEC section 2 says, so
 * a test can kill it with SIGKILL and start it again.
 */
public final class WarroomProcess implements AutoCloseable {

  private final Process process;
  private final Path log;
  public final int port;

  private WarroomProcess(Process process, Path log, int port) {
    this.process = process;
    this.log = log;
    this.port = port;
  }

  /**
   * The environment SPEC section 2 gives a Warroom that talks to this fake Slack, listens on this
   * port and keeps an H2 file in this folder, opened with these options (after the file name).
   */
  public static Map<String, String> environment(
      FakeSlack slack, Path dir, int port, String h2Options) {
    Map<String, String> env = new HashMap<>();
    env.put("SLACK_BOT_TOKEN", TestApp.BOT_TOKEN);
    env.put("SLACK_SIGNING_SECRET", TestApp.SIGNING_SECRET);
    env.put("SLACK_API_URL", slack.apiUrl());
    env.put("MICRONAUT_SERVER_PORT", String.valueOf(port));
    env.put("DATASOURCES_DEFAULT_URL", "jdbc:h2:file:" + dir.resolve("warroom") + h2Options);
    return env;
  }

  /**
   * The archive {@code mvn package} writes for {@code target/warroom.jar}: {@code
   * target/warroom.jsa}.
   */
  public static Path classDataArchive(Path jar) {
    String name = jar.getFileName().toString();
    return jar.resolveSibling(name.substring(0, name.length() - ".jar".length()) + ".jsa");
  }

  /**
   * Starts {@code java -jar jar} (SPEC's command, without the class-data archive) when given, else
   * the main class on the test classpath.
   */
  public static WarroomProcess start(Map<String, String> env, Path jar) {
    return start(env, jar, List.of("-Xshare:auto"));
  }

  /**
   * Starts the jar as the README's run command does, with the class-data archive the build wrote
   * next to it. {@code -Xshare:on} makes a missing or unusable archive stop the start instead of
   * slowing it down, so the test shows that the build's archive works.
   */
  public static WarroomProcess startWithArchive(Map<String, String> env, Path jar) {
    return start(env, jar, List.of("-Xshare:on", "-XX:SharedArchiveFile=" + classDataArchive(jar)));
  }

  private static WarroomProcess start(Map<String, String> env, Path jar, List<String> sharing) {
    try {
      int port =
          Integer.parseInt(env.getOrDefault("MICRONAUT_SERVER_PORT", String.valueOf(freePort())));
      List<String> command = new ArrayList<>();
      command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
      command.add("-XX:TieredStopAtLevel=1");
      command.addAll(sharing);
      if (jar != null) {
        command.add("-jar");
        command.add(jar.toString());
      } else {
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add("io.warroom.Application");
      }
      Path log = Files.createTempFile("warroom-process", ".log");
      ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(false);
      builder
          .environment()
          .keySet()
          .removeIf(
              k ->
                  k.startsWith("SLACK_")
                      || k.startsWith("WARROOM_")
                      || k.startsWith("DATASOURCES_"));
      // A test stops many processes: no load balancer to drain for unless the test asks for one.
      builder.environment().put("WARROOM_SHUTDOWN_DRAIN", "100ms");
      builder.environment().putAll(env);
      builder.environment().put("MICRONAUT_SERVER_PORT", String.valueOf(port));
      builder.redirectOutput(log.toFile());
      builder.redirectError(ProcessBuilder.Redirect.appendTo(new File(log + ".err")));
      return new WarroomProcess(builder.start(), log, port);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  public static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  /** Waits until {@code GET /health} answers 200; returns how long that took. */
  public Duration awaitHealthy(Duration max) {
    long start = System.nanoTime();
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(200)).build();
    while (System.nanoTime() - start < max.toNanos()) {
      if (!process.isAlive()) {
        throw new AssertionError("Warroom exited with " + process.exitValue() + ":\n" + output());
      }
      try {
        HttpResponse<String> r =
            http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health"))
                    .timeout(Duration.ofMillis(500))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() == 200) {
          return Duration.ofNanos(System.nanoTime() - start);
        }
      } catch (IOException e) {
        // not up yet
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
      sleep(25); // the poll interval of this wait for health
    }
    throw new AssertionError("Warroom not healthy after " + max + ":\n" + output());
  }

  public URI eventsUrl() {
    return URI.create("http://127.0.0.1:" + port + "/slack/events");
  }

  /** SIGTERM, as an orchestrator stops a replica; returns at once. */
  public void terminate() {
    process.destroy();
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  /** SIGKILL: no shutdown hooks, no chance to finish anything. */
  public void kill() {
    process.destroyForcibly();
    waitFor(Duration.ofSeconds(10));
  }

  public int waitFor(Duration max) {
    try {
      if (!process.waitFor(max.toMillis(), TimeUnit.MILLISECONDS)) {
        throw new AssertionError("still running after " + max);
      }
      return process.exitValue();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  public String stdout() {
    return read(log);
  }

  public String stderr() {
    return read(Path.of(log + ".err"));
  }

  public String output() {
    return stdout() + "\n--- stderr ---\n" + stderr();
  }

  private static String read(Path p) {
    try {
      return Files.exists(p) ? Files.readString(p) : "";
    } catch (IOException e) {
      return "";
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    if (process.isAlive()) {
      process.destroy();
      try {
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
          process.destroyForcibly();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
