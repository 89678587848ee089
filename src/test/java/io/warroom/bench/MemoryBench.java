package io.warroom.bench;

import io.warroom.fakeslack.FakeSlack;
import io.warroom.support.TestApp;
import io.warroom.support.WarroomProcess;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Memory (issue 20): the resident set of {@code java -Xmx128m -jar target/warroom.jar} with 100
 * open incidents, their war rooms built, and 2,000 messages taken in from them; Slack answering in
 * 100-250 ms with its rate limits on (100 channels at 20 a minute take five minutes). Reads {@code
 * VmRSS} 10 s after the last message and again 40 s later, idle, and {@code VmHWM} (the peak) from
 * {@code /proc}. Run by {@code mvn -B -q -Pbench verify -Dbench=memory}, which builds the jar
 * first.
 */
final class MemoryBench {

  private static final int INCIDENTS = AckLatencyBench.setting("BENCH_MEMORY_INCIDENTS", 100);
  private static final int MESSAGES = AckLatencyBench.setting("BENCH_MEMORY_MESSAGES", 2000);
  private static final boolean LIMITS = AckLatencyBench.setting("BENCH_MEMORY_LIMITS", 1) == 1;
  private static final long GOAL_MB = 256;
  private static final Duration IDLE = Duration.ofSeconds(40);

  public static void main(String[] args) throws Exception {
    if (!AckLatencyBench.selected("memory")) {
      return;
    }
    Path jar = Path.of(args.length > 0 ? args[0] : "target/warroom.jar");
    List<String> options = new ArrayList<>(List.of("-Xmx128m"));
    String extra = System.getenv().getOrDefault("BENCH_JAVA_OPTS", "").strip();
    if (!extra.isEmpty()) {
      options.addAll(List.of(extra.split("\\s+")));
    }
    Path dir = Files.createTempDirectory("warroom-memory");
    System.setProperty("sun.net.httpserver.nodelay", "true");
    FakeSlack slack = FakeSlack.start(TestApp.BOT_TOKEN, TestApp.SIGNING_SECRET);
    if (LIMITS) {
      slack.latency(InternetSlack.MIN_LATENCY, InternetSlack.MAX_LATENCY).rateLimits(true);
    }
    Process process = null;
    try {
      int port = WarroomProcess.freePort();
      Map<String, String> env =
          WarroomProcess.environment(slack, dir, port, AckLatencyBench.H2_OPTIONS);
      List<String> people = new ArrayList<>();
      for (int i = 1; i <= 10; i++) {
        people.add(slack.user("person" + i));
      }
      String general =
          slack.channel("general", false, people.get(0), people.toArray(String[]::new));
      String announce = slack.channel("incidents", false, people.get(0), slack.botUserId());
      env.put("WARROOM_ANNOUNCE_CHANNEL", announce);
      List<String> command = new ArrayList<>();
      command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
      command.addAll(options);
      command.add("-jar");
      command.add(jar.toString());
      ProcessBuilder builder = new ProcessBuilder(command);
      builder
          .environment()
          .keySet()
          .removeIf(k -> k.startsWith("SLACK_") || k.startsWith("WARROOM_"));
      builder.environment().putAll(env);
      Path log = Files.createTempFile("warroom-memory", ".log");
      builder.redirectErrorStream(true).redirectOutput(log.toFile());
      process = builder.start();
      awaitHealthy(port, process, log.toFile());
      slack.connect(URI.create("http://127.0.0.1:" + port + "/slack/events"));
      System.out.println("Started: " + String.join(" ", command) + " — RSS " + rss(process));

      long start = System.nanoTime();
      for (int i = 1; i <= INCIDENTS; i++) {
        slack.app().command(people.get(i % people.size()), general, "declare sev2 Memory " + i);
      }
      List<String> rooms = new ArrayList<>();
      for (int i = 1; i <= INCIDENTS; i++) {
        String slug = "-memory-" + i;
        InternetSlack.awaitNanos(
            () -> slack.channelNames().stream().anyMatch(n -> n.endsWith(slug)),
            Duration.ofMinutes(10),
            100);
        String name = slack.channelNames().stream().filter(n -> n.endsWith(slug)).findFirst().get();
        String id = slack.channelId(name).orElseThrow();
        String declarer = people.get(i % people.size());
        InternetSlack.awaitNanos(
            () -> slack.members(id).contains(declarer), Duration.ofMinutes(5), 100);
        rooms.add(id);
      }
      System.out.printf(
          Locale.ROOT,
          "%d war rooms in %.0f s — RSS %s%n",
          INCIDENTS,
          (System.nanoTime() - start) / 1e9,
          rss(process));
      for (int m = 0; m < MESSAGES; m++) {
        String room = rooms.get(m % rooms.size());
        String who = people.get(m % rooms.size() % people.size());
        if (!slack.members(room).contains(who)) {
          slack.join(who, room);
        }
        slack.post(who, room, "Message " + m + ": checking the dashboards for region " + m, null);
        if (m % 50 == 49) {
          Thread.sleep(200);
        }
      }
      slack.awaitEvents(Duration.ofMinutes(2));
      Thread.sleep(10_000);
      long notOk = slack.eventDeliveries().stream().filter(d -> d.status() != 200).count();
      String[] memory = rss(process).split(" ");
      long rssMb = Long.parseLong(memory[0]) / 1024;
      // Then idle, as Warroom is most of the time: pools end threads unused for 30 s.
      Thread.sleep(IDLE.toMillis());
      memory = rss(process).split(" ");
      long idleMb = Long.parseLong(memory[0]) / 1024;
      long peakMb = Long.parseLong(memory[1]) / 1024;
      String table =
          String.format(
              Locale.ROOT,
              "`%s -jar target/warroom.jar`, %d open incidents with their war rooms, %d messages"
                  + " taken in (%d event deliveries not answered 200); Slack %s.%n%n"
                  + "| RSS 10 s after the last message (MB) | RSS %d s later, idle (MB) | peak"
                  + " RSS (MB) | goal | met |%n|---|---|---|---|---|%n"
                  + "| %d | %d | %d | ≤ %d MB | %s |%n",
              "java " + String.join(" ", options),
              INCIDENTS,
              MESSAGES,
              notOk,
              LIMITS ? "answering in 100-250 ms with its rate limits on" : "without limits",
              IDLE.toSeconds(),
              rssMb,
              idleMb,
              peakMb,
              GOAL_MB,
              rssMb <= GOAL_MB ? "yes" : idleMb <= GOAL_MB ? "only once idle" : "NO");
      System.out.println(table);
      InternetSlack.write("memory.md", table);
    } finally {
      if (process != null) {
        process.destroy();
        process.waitFor();
      }
      slack.close();
      AckLatencyBench.deleteTree(dir);
    }
    System.exit(0);
  }

  /** {@code VmRSS} and {@code VmHWM} in kB, space-separated. */
  private static String rss(Process process) throws IOException {
    long rss = 0;
    long hwm = 0;
    for (String line :
        Files.readAllLines(Path.of("/proc", String.valueOf(process.pid()), "status"))) {
      if (line.startsWith("VmRSS:")) {
        rss = Long.parseLong(line.replaceAll("\\D", ""));
      } else if (line.startsWith("VmHWM:")) {
        hwm = Long.parseLong(line.replaceAll("\\D", ""));
      }
    }
    return rss + " " + hwm;
  }

  private static void awaitHealthy(int port, Process process, File log) throws Exception {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(200)).build();
    long until = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (System.nanoTime() < until) {
      if (!process.isAlive()) {
        throw new IllegalStateException("Warroom exited: " + Files.readString(log.toPath()));
      }
      try {
        HttpResponse<String> r =
            http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health")).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() == 200) {
          return;
        }
      } catch (IOException e) {
        // not up yet
      }
      Thread.sleep(50);
    }
    throw new IllegalStateException("Warroom not healthy after 60 s");
  }
}
