package io.warroom.bench;

import io.micronaut.context.ApplicationContext;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.runtime.server.EmbeddedServer;
import io.warroom.fakeslack.FakeSlack;
import io.warroom.support.TestApp;
import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.stream.Stream;
import javax.sql.DataSource;

/**
 * Measures how fast {@code /incident help} and {@code /incident declare} are acked under 50
 * concurrent senders, next to a bare Bolt app in the same server ({@link BareBoltController}), so
 * that the ratio shows what Warroom's own work costs. Every request is a freshly signed slash
 * command; every declare creates a real incident whose war room is built in the background, as in
 * production. Run by {@code mvn -B -q -Pbench verify}; see {@code docs/benchmarks.md}.
 */
public final class AckLatencyBench {

  private static final String WARROOM = "/slack/events";
  private static final String BARE = "/bench/bare/events";
  private static final int SENDERS = setting("BENCH_SENDERS", 50);
  private static final int HELPS = setting("BENCH_REQUESTS", 3000);
  private static final int DECLARES = setting("BENCH_DECLARES", 750);
  private static final int ROUNDS = setting("BENCH_ROUNDS", 3);

  /**
   * Commands a second from all senders together, on a fixed schedule (latency then counts from the
   * scheduled time, so a sender that falls behind is not hidden); 0, the default, has every sender
   * send its next command as soon as the last is answered, which keeps both cores busy.
   */
  static final int RATE = setting("BENCH_RATE", 0);

  /** The options of application.yml's default H2 URL; only the file differs. */
  public static final String H2_OPTIONS =
      ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0";

  /**
   * One endpoint and command to measure: {@code count} requests after a third as many to warm up;
   * {@code expect} is part of every good answer.
   */
  private record Target(
      String name, String path, String expect, int count, Supplier<String> text) {}

  private final FakeSlack slack;
  private final EmbeddedServer server;
  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();
  private final ExecutorService senders = Executors.newFixedThreadPool(SENDERS);
  private final List<String> users = new ArrayList<>();
  private final String channel;
  private final AtomicInteger declared = new AtomicInteger();

  private AckLatencyBench(FakeSlack slack, EmbeddedServer server) {
    this.slack = slack;
    this.server = server;
    for (int i = 1; i <= SENDERS; i++) {
      users.add(slack.user("sender" + i));
    }
    this.channel = slack.channel("general", false, users.get(0), users.toArray(String[]::new));
  }

  public static void main(String[] args) throws Exception {
    if (!selected("ack")) {
      return;
    }
    // The JDK's HttpServer, which plays Slack, leaves Nagle on; every Web API answer would then
    // wait for a delayed ACK (about 40 ms) that real Slack does not add.
    System.setProperty("sun.net.httpserver.nodelay", "true");
    Path dir = Files.createTempDirectory("warroom-bench");
    String h2Options = System.getenv().getOrDefault("BENCH_H2_OPTIONS", H2_OPTIONS);
    FakeSlack slack = FakeSlack.start(TestApp.BOT_TOKEN, TestApp.SIGNING_SECRET);
    Map<String, Object> props = new LinkedHashMap<>();
    props.put("micronaut.server.port", -1);
    props.put("datasources.default.url", "jdbc:h2:file:" + dir.resolve("warroom") + h2Options);
    props.put("slack.bot-token", TestApp.BOT_TOKEN);
    props.put("slack.signing-secret", TestApp.SIGNING_SECRET);
    props.put("slack.api-url", slack.apiUrl());
    props.put("warroom.bench.bare", "true");
    // This fake Slack has no rate limits. With Warroom's own pacing (20 channels a minute) the
    // hundreds of rooms declared here would take far longer to build than awaitRoomsBuilt waits;
    // the outage wave measures acks against Slack's limits.
    props.put("slack.pacing", false);
    EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, props);
    slack.connect(URI.create("http://127.0.0.1:" + server.getPort() + WARROOM));
    AckLatencyBench bench = new AckLatencyBench(slack, server);
    try {
      bench.measure(h2Options);
    } finally {
      bench.senders.shutdownNow();
      slack.eventsEnabled(false);
      slack.awaitEvents(Duration.ofSeconds(10));
      server.getApplicationContext().close();
      slack.close();
      deleteTree(dir);
    }
  }

  private void measure(String h2Options) throws Exception {
    List<Target> targets =
        List.of(
            new Target("warroom help", WARROOM, "/incident declare", HELPS, () -> "help"),
            new Target("bare help", BARE, "acked", HELPS, () -> "help"),
            new Target("warroom declare", WARROOM, "Declared", DECLARES, this::declare),
            new Target("bare declare", BARE, "acked", DECLARES, this::declare));
    AckLatencyReport report = new AckLatencyReport(SENDERS, h2Options);
    System.out.println(
        "round target           median | p99 | max (ms) | req/s | CPU ms/req | errors | GC | other CPU");
    // Round 0 only warms the JVM up: the JIT needs far more than one warm-up per target.
    for (int round = 0; round <= ROUNDS; round++) {
      for (Target target : targets) {
        send(target, target.count() / 3);
        // The warm-up's declarations build their war rooms in the background; a measured run that
        // started before they are built would be slowed by work its own requests did not cause.
        awaitRoomsBuilt();
        // Client and server share one heap: start each measured run with it collected, so that a
        // target's pauses come from its own garbage and not from what the one before left.
        System.gc();
        AckLatencyReport.Run run = send(target, target.count());
        System.out.printf("%5d %-16s %s%n", round, target.name(), run.row());
        Duration drained = target.name().equals("warroom declare") ? awaitRoomsBuilt() : null;
        if (round > 0) {
          report.add(target.name(), run);
          if (drained != null) {
            report.drained(drained);
          }
        }
      }
    }
    String markdown = report.markdown();
    System.out.println();
    System.out.println(markdown);
    Path out = Path.of("target", "bench", "ack-latency.md");
    Files.createDirectories(out.getParent());
    Files.writeString(out, markdown, StandardCharsets.UTF_8);
    System.out.println("Written to " + out.toAbsolutePath());
  }

  /** Deletes a temporary folder and what is in it (a benchmark's H2 file grows to 0.5 GB). */
  public static void deleteTree(Path dir) throws IOException {
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }

  /**
   * Whether this benchmark is to run: {@code mvn -Pbench verify -Dbench=events,heartbeat} runs only
   * those (the profile passes {@code -Dbench} on to every forked benchmark JVM); unset or {@code
   * all} runs every one.
   */
  public static boolean selected(String name) {
    String chosen = System.getProperty("bench", "all").strip();
    boolean run =
        chosen.isEmpty()
            || chosen.equals("all")
            || Arrays.stream(chosen.split(",")).map(String::strip).anyMatch(name::equals);
    if (!run) {
      System.out.println("Benchmark " + name + " skipped (-Dbench=" + chosen + ")");
    }
    return run;
  }

  /** The share of the machine's CPU that other processes took between two {@link #cpu()} reads. */
  static double otherCpu(long[] before, long[] after, long wallNanos) {
    if (before[0] < 0) {
      return Double.NaN;
    }
    return Math.max(0, after[0] - before[0] - (after[1] - before[1]))
        / (double) (wallNanos * Runtime.getRuntime().availableProcessors());
  }

  /** This JVM's CPU time between two {@link #cpu()} reads, in ms per request. */
  static double cpuMsPerRequest(long[] before, long[] after, int requests) {
    return (after[1] - before[1]) / 1e6 / requests;
  }

  /** A knob from the environment (the benchmark runs in a JVM that Maven forks). */
  static int setting(String name, int fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : Integer.parseInt(value.strip());
  }

  private String declare() {
    return "declare sev3 Bench incident " + declared.incrementAndGet();
  }

  /** Sends {@code count} signed commands from the concurrent senders, each waiting for its ack. */
  private AckLatencyReport.Run send(Target target, int count) throws Exception {
    URI uri = URI.create("http://127.0.0.1:" + server.getPort() + target.path());
    long[] nanos = new long[count];
    AtomicInteger next = new AtomicInteger();
    AtomicInteger errors = new AtomicInteger();
    AtomicReference<String> firstError = new AtomicReference<>();
    List<Future<?>> running = new ArrayList<>();
    long[] gcBefore = gc();
    long[] cpuBefore = cpu();
    Map<String, Long> threadsBefore = ThreadCpu.snapshot();
    long started = System.nanoTime();
    for (int s = 0; s < SENDERS; s++) {
      String user = users.get(s);
      running.add(
          senders.submit(
              () -> {
                for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                  HttpRequest request = signed(uri, user, target.text().get());
                  long sent = RATE > 0 ? awaitTurn(started, i) : System.nanoTime();
                  String problem;
                  try {
                    HttpResponse<String> response =
                        http.send(request, HttpResponse.BodyHandlers.ofString());
                    problem =
                        response.statusCode() == 200 && response.body().contains(target.expect())
                            ? null
                            : response.statusCode() + " " + response.body();
                  } catch (Exception e) {
                    problem = e.toString();
                  }
                  nanos[i] = System.nanoTime() - sent;
                  if (problem != null) {
                    errors.incrementAndGet();
                    firstError.compareAndSet(null, problem);
                  }
                }
                return null;
              }));
    }
    for (Future<?> f : running) {
      f.get();
    }
    long wall = System.nanoTime() - started;
    long[] gcAfter = gc();
    long[] cpuAfter = cpu();
    Map<String, Double> cpuByThreads =
        ThreadCpu.perRequest(threadsBefore, ThreadCpu.snapshot(), count);
    if (firstError.get() != null) {
      System.out.println(target.name() + ": " + errors + " bad answers, first: " + firstError);
    }
    Arrays.sort(nanos);
    return new AckLatencyReport.Run(
        nanos,
        wall,
        errors.get(),
        gcAfter[0] - gcBefore[0],
        gcAfter[1] - gcBefore[1],
        otherCpu(cpuBefore, cpuAfter, wall),
        cpuMsPerRequest(cpuBefore, cpuAfter, count),
        cpuByThreads);
  }

  /** With {@link #RATE}: sleeps until request {@code i}'s time on the schedule, and returns it. */
  private static long awaitTurn(long started, int i) {
    long due = started + i * 1_000_000_000L / RATE;
    for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
      java.util.concurrent.locks.LockSupport.parkNanos(wait);
    }
    return due;
  }

  /** Collections so far and their total time in ms; client and server share this JVM. */
  static long[] gc() {
    long count = 0;
    long millis = 0;
    for (GarbageCollectorMXBean bean : ManagementFactory.getGarbageCollectorMXBeans()) {
      count += bean.getCollectionCount();
      millis += bean.getCollectionTime();
    }
    return new long[] {count, millis};
  }

  /**
   * CPU time used so far by the whole machine (from {@code /proc/stat}, steal included; -1 where
   * there is none) and by this JVM, in ns: their difference is what other processes took.
   */
  static long[] cpu() {
    long machine = -1;
    try {
      String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
      long jiffies = 0;
      for (int i : new int[] {1, 2, 3, 8}) { // user nice system steal
        jiffies += Long.parseLong(f[i]);
      }
      machine = jiffies * 10_000_000L; // USER_HZ is 100
    } catch (IOException | RuntimeException e) {
      // not Linux: the column stays empty
    }
    var os =
        (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    return new long[] {machine, os.getProcessCpuTime()};
  }

  private HttpRequest signed(URI uri, String user, String text) {
    return slack
        .app()
        .signed(
            uri, slack.app().commandBody(user, channel, text), "application/x-www-form-urlencoded")
        .build();
  }

  /**
   * Waits until the background delivery has built every declared room and posted everything, so the
   * next target is measured on a quiet server; returns how long that took.
   */
  private Duration awaitRoomsBuilt() throws Exception {
    DataSource db =
        DelegatingDataSource.unwrapDataSource(
            server.getApplicationContext().getBean(DataSource.class));
    long started = System.nanoTime();
    long deadline = started + Duration.ofMinutes(3).toNanos();
    while (backlog(db) > 0) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("war rooms still not built after 3 minutes");
      }
      Thread.sleep(100);
    }
    return Duration.ofNanos(System.nanoTime() - started);
  }

  /** Declarations not yet taken in, war rooms not yet built and posts not yet delivered. */
  static long backlog(DataSource db) throws Exception {
    try (Connection c = db.getConnection();
        Statement st = c.createStatement();
        ResultSet rs =
            st.executeQuery(
                "SELECT (SELECT COUNT(*) FROM incident WHERE in_intake)"
                    + " + (SELECT COUNT(*) FROM war_room WHERE channel_id IS NULL)"
                    + " + (SELECT COUNT(*) FROM outbox WHERE delivered_at IS NULL)")) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
