package io.warroom.bench;

import io.warroom.fakeslack.FakeSlack;
import io.warroom.support.TestApp;
import io.warroom.support.WarroomProcess;
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
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Measures how long the shaded jar takes from {@code java -jar} to a 200 from {@code /health}, as
 * an operator would start it: SPEC's environment variables, a fresh H2 file (so Flyway migrates),
 * and Slack played by a fake in this process. Next to it, the same for each further jar given (the
 * start-up floor), and for each jar started with an application class-data archive: the one {@code
 * mvn package} wrote next to the jar (the README's run command), or else one that a first,
 * uncounted start recorded. {@code -Xshare:on} makes an archive that cannot be used stop the run
 * rather than quietly measure a start without it. Run by {@code mvn -B -q -Pbench verify}; see
 * {@code docs/benchmarks.md}.
 */
final class StartupBench {

  private static final int RUNS = AckLatencyBench.setting("BENCH_STARTUP_RUNS", 7);
  private static final double GOAL_SECONDS = 2.0;

  /**
   * JVM options for every start, to try start-up tuning; none by default, as an operator runs it.
   */
  private static final List<String> JAVA_OPTS =
      Arrays.stream(System.getenv().getOrDefault("BENCH_JAVA_OPTS", "").split("\\s+"))
          .filter(o -> !o.isEmpty())
          .toList();

  private static final Pattern STARTUP_COMPLETED = Pattern.compile("Startup completed in (\\d+)ms");

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

  /** A jar, and the JVM options it is started with besides {@link #JAVA_OPTS}. */
  private record Target(Path jar, List<String> options, String label) {}

  public static void main(String[] args) throws Exception {
    if (!AckLatencyBench.selected("startup")) {
      return;
    }
    List<Path> jars =
        args.length > 0
            ? Arrays.stream(args).map(Path::of).toList()
            : List.of(Path.of("target/warroom.jar"));
    for (Path jar : jars) {
      if (!Files.isRegularFile(jar)) {
        throw new IllegalStateException(jar + " is missing: run mvn package first");
      }
    }
    // The JDK's HttpServer, which plays Slack, leaves Nagle on; every Web API answer would then
    // wait for a delayed ACK (about 40 ms) that real Slack does not add.
    System.setProperty("sun.net.httpserver.nodelay", "true");
    Path archives = Files.createDirectories(Path.of("target", "bench"));
    try (FakeSlack slack = FakeSlack.start(TestApp.BOT_TOKEN, TestApp.SIGNING_SECRET)) {
      List<Target> targets = new ArrayList<>();
      for (Path jar : jars) {
        targets.add(new Target(jar, List.of(), "`java -jar " + shown(jar) + "`"));
      }
      for (Path jar : jars) {
        Path archive = WarroomProcess.classDataArchive(jar);
        String how = " (the build's training run)";
        if (!Files.isRegularFile(archive)) {
          // No training run for this jar (the floor): a first, uncounted start records one.
          archive = archives.resolve(archive.getFileName());
          how = " (recorded by a first start)";
          Files.deleteIfExists(archive);
          start(jar, List.of("-XX:ArchiveClassesAtExit=" + archive), slack);
        }
        if (Files.isRegularFile(archive)) {
          targets.add(
              new Target(
                  jar,
                  List.of("-Xshare:on", "-XX:SharedArchiveFile=" + archive),
                  "`java -XX:SharedArchiveFile="
                      + shown(archive)
                      + " -jar "
                      + shown(jar)
                      + "`"
                      + how));
        } else {
          System.out.println("No class-data archive was recorded for " + jar);
        }
      }
      long[][] healthy = new long[targets.size()][RUNS];
      long[][] reported = new long[targets.size()][RUNS];
      long[][] other = new long[targets.size()][RUNS];
      // The targets take turns, so a machine that slows down or speeds up meanwhile affects each
      // alike.
      for (int i = 0; i < RUNS; i++) {
        for (int t = 0; t < targets.size(); t++) {
          long[] run = start(targets.get(t).jar(), targets.get(t).options(), slack);
          healthy[t][i] = run[0];
          reported[t][i] = run[1];
          other[t][i] = run[2];
          System.out.printf(
              "run %d of %s %s: healthy after %d ms (Micronaut: startup completed in %d ms),"
                  + " other CPU %d%%%n",
              i + 1,
              targets.get(t).jar().getFileName(),
              targets.get(t).options(),
              healthy[t][i],
              reported[t][i],
              other[t][i]);
        }
      }
      String markdown = markdown(targets, healthy, reported, other);
      System.out.println();
      System.out.println(markdown);
      Path out = archives.resolve("startup.md");
      Files.writeString(out, markdown, StandardCharsets.UTF_8);
      System.out.println("Written to " + out.toAbsolutePath());
    }
  }

  /**
   * CPU used by this JVM and its children that have exited, in ns ({@code /proc/self/stat}: user
   * and system time, own and waited-for children's); 0 where there is no such file.
   */
  private static long ownAndChildrenCpu() {
    try {
      String stat = Files.readString(Path.of("/proc/self/stat"));
      String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      long ticks = 0;
      for (int i = 11; i <= 14; i++) { // utime stime cutime cstime (fields 14-17)
        ticks += Long.parseLong(f[i]);
      }
      return ticks * 10_000_000L; // USER_HZ is 100
    } catch (IOException | RuntimeException e) {
      return 0;
    }
  }

  private static String shown(Path jar) {
    return Path.of("").toAbsolutePath().relativize(jar.toAbsolutePath()).toString();
  }

  /** Starts the jar once: ms to healthy, and Micronaut's own figure. */
  private static long[] start(Path jar, List<String> options, FakeSlack slack) throws Exception {
    Path dir = Files.createTempDirectory("warroom-startup");
    Path log = dir.resolve("warroom.log");
    int port = freePort();
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(JAVA_OPTS);
    command.addAll(options);
    command.addAll(List.of("-jar", jar.toString()));
    ProcessBuilder builder =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    Map<String, String> env = builder.environment();
    env.keySet().removeIf(k -> k.matches("(SLACK|WARROOM|DATASOURCES|MICRONAUT|FLYWAY)_.*"));
    env.putAll(WarroomProcess.environment(slack, dir, port, AckLatencyBench.H2_OPTIONS));
    long machineBefore = AckLatencyBench.cpu()[0];
    long oursBefore = ownAndChildrenCpu();
    long started = System.nanoTime();
    Process process = builder.start();
    long healthy;
    try {
      awaitHealthy(process, port, log);
      healthy = (System.nanoTime() - started) / 1_000_000;
    } finally {
      // A normal exit, so that a JVM recording a class-data archive writes it.
      process.destroy();
      process.waitFor();
    }
    // What other processes (or the hypervisor's steal) took from the start to the child's exit.
    double other =
        AckLatencyBench.otherCpu(
            new long[] {machineBefore, oursBefore},
            new long[] {AckLatencyBench.cpu()[0], ownAndChildrenCpu()},
            System.nanoTime() - started);
    long reported = startupCompleted(log);
    AckLatencyBench.deleteTree(dir);
    return new long[] {healthy, reported, Double.isNaN(other) ? -1 : Math.round(100 * other)};
  }

  private static void awaitHealthy(Process process, int port, Path log) throws Exception {
    HttpRequest health =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health"))
            .timeout(Duration.ofSeconds(1))
            .build();
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("warroom exited: " + Files.readString(log));
      }
      try {
        if (HTTP.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
          return;
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      Thread.sleep(5);
    }
    throw new IllegalStateException("not healthy after 60 s: " + Files.readString(log));
  }

  /** Micronaut's own figure, which leaves out the JVM's start before main and the first /health. */
  private static long startupCompleted(Path log) throws IOException {
    Matcher m = STARTUP_COMPLETED.matcher(Files.readString(log));
    return m.find() ? Long.parseLong(m.group(1)) : -1;
  }

  private static String markdown(
      List<Target> targets, long[][] healthy, long[][] reported, long[][] other) {
    StringBuilder md =
        new StringBuilder(
            String.format(
                Locale.ROOT,
                "# Start to healthy (%s, %d cores, Java %s)%n%n"
                    + "Each started %d times, taking turns%s: ms from process start to the first"
                    + " 200 of `/health`.%n%n"
                    + "| start | median | min | max | goal (≤ %.0f s) | other CPU, worst |%n"
                    + "|---|---|---|---|---|---|%n",
                LocalDate.now(),
                Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"),
                RUNS,
                JAVA_OPTS.isEmpty() ? "" : ", all with `" + String.join(" ", JAVA_OPTS) + "`",
                GOAL_SECONDS));
    for (int t = 0; t < targets.size(); t++) {
      long[] sorted = healthy[t].clone();
      Arrays.sort(sorted);
      long median = sorted[sorted.length / 2];
      md.append(
          String.format(
              Locale.ROOT,
              "| %s | %d | %d | %d | %s | %s |%n",
              targets.get(t).label(),
              median,
              sorted[0],
              sorted[sorted.length - 1],
              median <= GOAL_SECONDS * 1000 ? "met" : "**missed**",
              Arrays.stream(other[t]).max().orElse(-1) < 0
                  ? "n/a"
                  : Arrays.stream(other[t]).max().getAsLong() + "%"));
    }
    if (Arrays.stream(other).flatMapToLong(Arrays::stream).anyMatch(o -> o > 10)) {
      md.append(
          "\nOther processes took more than 10% of the CPU during some starts: rerun when the"
              + " machine is quiet.\n");
    }
    md.append("\nEach run (in brackets: Micronaut's \"Startup completed in\", which leaves out")
        .append(" the JVM's own start and the first `/health`, and the other CPU):\n\n");
    for (int t = 0; t < targets.size(); t++) {
      List<String> runs = new ArrayList<>();
      for (int i = 0; i < healthy[t].length; i++) {
        runs.add(healthy[t][i] + " (" + reported[t][i] + ", " + other[t][i] + "%)");
      }
      md.append("- `")
          .append(targets.get(t).jar().getFileName())
          .append(targets.get(t).options().isEmpty() ? "" : " " + targets.get(t).options())
          .append("`: ")
          .append(String.join(", ", runs))
          .append('\n');
    }
    return md.toString();
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
