package io.warroom.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micronaut.context.ApplicationContext;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.runtime.server.EmbeddedServer;
import io.warroom.fakeslack.FakeSlack;
import io.warroom.room.WarRooms;
import io.warroom.support.Room;
import io.warroom.support.TestApp;
import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import javax.sql.DataSource;

/**
 * Measures how many war-room messages Warroom takes in per second, and whether it keeps every one
 * (issue 3). One incident is declared and its war room built; then 8 concurrent senders post signed
 * Events API {@code message} callbacks, as Slack would, straight to {@code /slack/events} over HTTP
 * keep-alive, each sending its next event as soon as the last is acked. Afterwards the timeline's
 * stored messages are counted against what was sent. Run by {@code mvn -B -q -Pbench verify
 * -Dbench=events}; see {@code docs/benchmarks.md}.
 */
final class EventIngestBench {

  private static final int SENDERS = AckLatencyBench.setting("BENCH_EVENT_SENDERS", 8);
  private static final int EVENTS = AckLatencyBench.setting("BENCH_EVENTS", 20_000);

  /** Warm-up events at least; then more, in chunks, until the JIT has settled. */
  private static final int WARMUP = AckLatencyBench.setting("BENCH_EVENTS_WARMUP", 20_000);

  private static final int WARMUP_MAX = AckLatencyBench.setting("BENCH_EVENTS_WARMUP_MAX", 150_000);
  private static final int WARMUP_CHUNK = 10_000;

  /** The warm-up ends once the JIT took less than this share of the machine during a chunk. */
  private static final double JIT_SETTLED = 0.05;

  private static final int ROUNDS = AckLatencyBench.setting("BENCH_EVENT_ROUNDS", 3);

  /** Every how many messages one is a reply in the exploration thread. */
  private static final int EXPLORATION_EVERY = 4;

  private static final double GOAL_PER_SECOND = 1000;

  /** application.yml's default H2 options: only the file differs. */
  static final String H2_OPTIONS = AckLatencyBench.H2_OPTIONS + ";DB_CLOSE_ON_EXIT=FALSE";

  private static final String EVENTS_PATH = "/slack/events";

  private final FakeSlack slack;
  private final EmbeddedServer server;
  private final DataSource db;
  private final long incidentId;
  private final String room;
  private final String explorationTs;
  private final List<String> users;
  private final ObjectMapper json = new ObjectMapper();
  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();
  private final ExecutorService senders = Executors.newFixedThreadPool(SENDERS);
  private final AtomicLong lastTsMicros = new AtomicLong();
  private final AtomicLong sent = new AtomicLong();
  private final AtomicLong sentExploration = new AtomicLong();

  /**
   * One batch of events: its acks; the share of the machine's CPU the senders' own threads took;
   * and the JIT's compile time as a share of the wall time (this JVM compiles for minutes under
   * load on 2 cores).
   */
  private record Batch(AckLatencyReport.Run run, double senders, double jit) {
    String row() {
      return String.format(
          Locale.ROOT, "%s | %.0f%% | %.0f%%", run.row(), senders * 100, jit * 100);
    }
  }

  private EventIngestBench(
      FakeSlack slack,
      EmbeddedServer server,
      long incidentId,
      String room,
      String explorationTs,
      List<String> users) {
    this.slack = slack;
    this.server = server;
    this.incidentId = incidentId;
    this.room = room;
    this.explorationTs = explorationTs;
    this.users = users;
    this.db =
        DelegatingDataSource.unwrapDataSource(
            server.getApplicationContext().getBean(DataSource.class));
  }

  public static void main(String[] args) throws Exception {
    if (!AckLatencyBench.selected("events")) {
      return;
    }
    // The JDK's HttpServer, which plays Slack, leaves Nagle on; every Web API answer would then
    // wait for a delayed ACK (about 40 ms) that real Slack does not add.
    System.setProperty("sun.net.httpserver.nodelay", "true");
    Path dir = Files.createTempDirectory("warroom-events");
    String h2Options = System.getenv().getOrDefault("BENCH_H2_OPTIONS", H2_OPTIONS);
    FakeSlack slack = FakeSlack.start(TestApp.BOT_TOKEN, TestApp.SIGNING_SECRET);
    Map<String, Object> props = new LinkedHashMap<>();
    props.put("micronaut.server.port", -1);
    props.put("datasources.default.url", "jdbc:h2:file:" + dir.resolve("warroom") + h2Options);
    props.put("slack.bot-token", TestApp.BOT_TOKEN);
    props.put("slack.signing-secret", TestApp.SIGNING_SECRET);
    props.put("slack.api-url", slack.apiUrl());
    EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, props);
    slack.connect(URI.create("http://127.0.0.1:" + server.getPort() + EVENTS_PATH));
    EventIngestBench bench = null;
    try {
      List<String> users = new ArrayList<>();
      for (int i = 1; i <= SENDERS; i++) {
        users.add(slack.user("responder" + i));
      }
      String general = slack.channel("general", false, users.get(0), users.toArray(String[]::new));
      slack.app().command(users.get(0), general, "declare sev1 Event ingest bench");
      // Generous waits: a busy machine builds the room slowly.
      TestApp.await(
          "the war room channel",
          Duration.ofSeconds(60),
          () -> slack.channelNames().stream().anyMatch(n -> n.contains("event-ingest-bench")));
      String name =
          slack.channelNames().stream()
              .filter(n -> n.contains("event-ingest-bench"))
              .findFirst()
              .orElseThrow();
      Room room = Room.await(slack, name, Duration.ofSeconds(60));
      for (String user : users) {
        slack.join(user, room.id);
      }
      slack.awaitEvents(Duration.ofSeconds(10));
      long incident =
          server.getApplicationContext().getBean(WarRooms.class).incidentIn(room.id).orElseThrow();
      bench =
          new EventIngestBench(
              slack, server, incident, room.id, room.thread().orElseThrow().ts(), users);
      bench.measure(h2Options);
    } finally {
      if (bench != null) {
        bench.senders.shutdownNow();
      }
      slack.eventsEnabled(false);
      slack.awaitEvents(Duration.ofSeconds(10));
      server.getApplicationContext().close();
      slack.close();
      AckLatencyBench.deleteTree(dir);
    }
  }

  private void measure(String h2Options) throws Exception {
    System.out.println(
        "batch    median | p99 | max (ms) | events/s | CPU ms/event | errors | GC | other CPU | senders' CPU"
            + " | JIT");
    List<Batch> warmUp = new ArrayList<>();
    long warmed = 0;
    while (warmed < WARMUP_MAX) {
      Batch chunk = send(Math.min(WARMUP_CHUNK, WARMUP_MAX - (int) warmed));
      warmUp.add(chunk);
      warmed += chunk.run().nanos().length;
      System.out.printf("warm-up %s%n", chunk.row());
      if (warmed >= WARMUP && chunk.jit() < JIT_SETTLED) {
        break;
      }
    }
    long storedBefore = awaitStored();
    List<Batch> runs = new ArrayList<>();
    long stored = storedBefore;
    for (int round = 1; round <= ROUNDS; round++) {
      Batch run = send(EVENTS);
      runs.add(run);
      stored = awaitStored();
      System.out.printf("round %d %s | stored %d of %d%n", round, run.row(), stored, sent.get());
    }
    long exploration = count("AND exploration");
    long errors =
        Stream.concat(warmUp.stream(), runs.stream()).mapToLong(b -> b.run().errors()).sum();
    String markdown =
        markdown(h2Options, warmUp, warmed, runs, storedBefore, stored, exploration, errors);
    System.out.println();
    System.out.println(markdown);
    Path out = Path.of("target", "bench", "event-ingest.md");
    Files.createDirectories(out.getParent());
    Files.writeString(out, markdown, StandardCharsets.UTF_8);
    System.out.println("Written to " + out.toAbsolutePath());
  }

  /** Sends {@code count} message events from the concurrent senders, each waiting for its ack. */
  private Batch send(int count) throws Exception {
    URI uri = URI.create("http://127.0.0.1:" + server.getPort() + EVENTS_PATH);
    long[] nanos = new long[count];
    AtomicInteger next = new AtomicInteger();
    AtomicInteger errors = new AtomicInteger();
    AtomicReference<String> firstError = new AtomicReference<>();
    List<Future<?>> running = new ArrayList<>();
    AtomicLong senderCpu = new AtomicLong();
    CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
    long jitBefore = jit.getTotalCompilationTime();
    long[] gcBefore = AckLatencyBench.gc();
    long[] cpuBefore = AckLatencyBench.cpu();
    long started = System.nanoTime();
    for (int s = 0; s < SENDERS; s++) {
      String user = users.get(s);
      running.add(
          senders.submit(
              () -> {
                long cpuStart = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
                for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                  HttpRequest request = signed(uri, messageEvent(user));
                  long sentAt = System.nanoTime();
                  String problem;
                  try {
                    HttpResponse<String> response =
                        http.send(request, HttpResponse.BodyHandlers.ofString());
                    problem =
                        response.statusCode() == 200
                            ? null
                            : response.statusCode() + " " + response.body();
                  } catch (Exception e) {
                    problem = e.toString();
                  }
                  nanos[i] = System.nanoTime() - sentAt;
                  if (problem != null) {
                    errors.incrementAndGet();
                    firstError.compareAndSet(null, problem);
                  }
                }
                senderCpu.addAndGet(
                    ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - cpuStart);
                return null;
              }));
    }
    for (Future<?> f : running) {
      f.get();
    }
    long wall = System.nanoTime() - started;
    long[] gcAfter = AckLatencyBench.gc();
    long[] cpuAfter = AckLatencyBench.cpu();
    double cores = Runtime.getRuntime().availableProcessors();
    double jitShare = (jit.getTotalCompilationTime() - jitBefore) / (wall / 1e6 * cores);
    if (firstError.get() != null) {
      System.out.println(errors + " events not acked with 200, first: " + firstError);
    }
    Arrays.sort(nanos);
    return new Batch(
        new AckLatencyReport.Run(
            nanos,
            wall,
            errors.get(),
            gcAfter[0] - gcBefore[0],
            gcAfter[1] - gcBefore[1],
            AckLatencyBench.otherCpu(cpuBefore, cpuAfter, wall),
            AckLatencyBench.cpuMsPerRequest(cpuBefore, cpuAfter, count),
            Map.of()),
        senderCpu.get() / (wall * cores),
        jitShare);
  }

  /**
   * The next message as Slack's Events API sends it: a unique event id and ts, from a member of the
   * room; every fourth one is a reply in the exploration thread.
   */
  private String messageEvent(String user) {
    long n = sent.incrementAndGet();
    long micros =
        lastTsMicros.updateAndGet(last -> Math.max(System.currentTimeMillis() * 1000, last + 1));
    String ts = String.format(Locale.ROOT, "%d.%06d", micros / 1_000_000, micros % 1_000_000);
    String text =
        "Checked shard " + (n % 64) + ": p99 latency " + (n % 900) + " ms, error rate flat";
    ObjectNode event = json.createObjectNode();
    event.put("client_msg_id", UUID.randomUUID().toString());
    event.put("type", "message");
    event.put("text", text);
    event.put("user", user);
    event.put("ts", ts);
    ObjectNode block = event.putArray("blocks").addObject();
    block.put("type", "rich_text");
    block.put("block_id", Long.toString(n, 36));
    ObjectNode section = block.putArray("elements").addObject();
    section.put("type", "rich_text_section");
    ObjectNode words = section.putArray("elements").addObject();
    words.put("type", "text");
    words.put("text", text);
    event.put("team", "T0SANDBOX1");
    if (n % EXPLORATION_EVERY == 0) {
      sentExploration.incrementAndGet();
      event.put("thread_ts", explorationTs);
      event.put("parent_user_id", slack.botUserId());
    }
    event.put("channel", room);
    event.put("event_ts", ts);
    event.put("channel_type", "channel");
    return slack.eventBody(event);
  }

  private HttpRequest signed(URI uri, String body) {
    return slack.app().signed(uri, body, "application/json").build();
  }

  /**
   * The messages stored so far, once that number has reached what was sent or stopped growing for
   * two seconds (the writes happen before the ack, so it normally has already).
   */
  private long awaitStored() throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    long stored = count("");
    long stableSince = System.nanoTime();
    while (stored < sent.get() && System.nanoTime() < deadline) {
      Thread.sleep(100);
      long now = count("");
      if (now != stored) {
        stored = now;
        stableSince = System.nanoTime();
      } else if (System.nanoTime() - stableSince > Duration.ofSeconds(2).toNanos()) {
        break;
      }
    }
    return stored;
  }

  /** The incident's stored messages from the senders, with an extra condition. */
  private long count(String and) throws Exception {
    try (Connection c = db.getConnection();
        PreparedStatement q =
            c.prepareStatement(
                "SELECT COUNT(*) FROM timeline_entry WHERE incident_id = ? AND kind = 'MESSAGE'"
                    + " AND channel_id = ? "
                    + and)) {
      q.setLong(1, incidentId);
      q.setString(2, room);
      try (ResultSet rs = q.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  private String markdown(
      String h2Options,
      List<Batch> warmUp,
      long warmed,
      List<Batch> runs,
      long storedAfterWarmup,
      long stored,
      long exploration,
      long errors) {
    double perSecond = median(runs.stream().mapToDouble(b -> b.run().perSecond()).toArray());
    long lost = sent.get() - stored;
    boolean met = perSecond >= GOAL_PER_SECOND && lost == 0;
    StringBuilder md = new StringBuilder();
    md.append(
        String.format(
            Locale.ROOT,
            "# Event ingest (%s, %d cores, Java %s)%n%n"
                + "%d concurrent senders post signed Events API `message` callbacks into one war"
                + " room, each sending its next as soon as the last is acked (HTTP/1.1 keep-alive);"
                + " one in %d is a reply in the exploration thread. The warm-up sends at least"
                + " %,d events, then goes on in batches of %,d until the JIT takes less than %.0f%%"
                + " of the CPU during a batch (here %,d events in all); then %d rounds of %,d are measured."
                + " Latency is client-side, from sending to the full response; times in ms. The"
                + " senders run in Warroom's JVM: their own threads' CPU (building, signing and"
                + " sending the events, not the HTTP client's selector) is shown as a share of the"
                + " machine, and so is JIT, the compiler threads' time. H2 options:"
                + " `%s`.%n%n",
            LocalDate.now(),
            Runtime.getRuntime().availableProcessors(),
            System.getProperty("java.version"),
            SENDERS,
            EXPLORATION_EVERY,
            WARMUP,
            WARMUP_CHUNK,
            JIT_SETTLED * 100,
            warmed,
            ROUNDS,
            EVENTS,
            h2Options));
    md.append(
        "| round | ack median | ack p99 | ack max | events/s | CPU ms/event | errors | GC pauses"
            + " | other CPU | senders' CPU | JIT |\n");
    md.append("|---|---|---|---|---|---|---|---|---|---|---|\n");
    for (int i = 0; i < runs.size(); i++) {
      md.append("| ").append(i + 1).append(" | ").append(runs.get(i).row()).append(" |\n");
    }
    md.append(
        String.format(
            Locale.ROOT,
            "| **median** | %.1f | %.1f | %.1f | %.0f | %.2f | | | | | |%n%n",
            median(runs.stream().mapToDouble(b -> b.run().percentile(50)).toArray()),
            median(runs.stream().mapToDouble(b -> b.run().percentile(99)).toArray()),
            median(runs.stream().mapToDouble(b -> b.run().percentile(100)).toArray()),
            perSecond,
            median(runs.stream().mapToDouble(b -> b.run().cpuMsPerRequest()).toArray())));
    md.append("| sent | stored | lost | non-200 acks | exploration sent / stored | goal |\n");
    md.append("|---|---|---|---|---|---|\n");
    md.append(
        String.format(
            Locale.ROOT,
            "| %,d | %,d | %,d | %d | %,d / %,d | %s (≥ %.0f events/s, 0 lost) |%n",
            sent.get(),
            stored,
            lost,
            errors,
            sentExploration.get(),
            exploration,
            met ? "met" : "**missed**",
            GOAL_PER_SECOND));
    if (storedAfterWarmup != warmed) {
      md.append(
          String.format(
              Locale.ROOT,
              "%nAfter the warm-up %,d of %,d were stored.%n",
              storedAfterWarmup,
              warmed));
    }
    md.append(
        "\nWarm-up, from a cold JVM (events/s and, in brackets, the JIT's share of the CPU, per batch): ");
    for (int i = 0; i < warmUp.size(); i++) {
      Batch b = warmUp.get(i);
      md.append(i == 0 ? "" : ", ")
          .append(String.format(Locale.ROOT, "%.0f (%.0f%%)", b.run().perSecond(), b.jit() * 100));
    }
    md.append(".\n");
    if (Stream.concat(warmUp.stream(), runs.stream()).anyMatch(b -> b.run().otherCpu() > 0.10)) {
      md.append("\nOther processes took more than 10% of the CPU during some batches: rerun when")
          .append(" the machine is quiet.\n");
    }
    return md.toString();
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }
}
