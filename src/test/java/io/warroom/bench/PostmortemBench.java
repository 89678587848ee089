package io.warroom.bench;

import io.micronaut.context.ApplicationContext;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.runtime.server.EmbeddedServer;
import io.warroom.fakeslack.ApiCall;
import io.warroom.fakeslack.FakeSlack;
import io.warroom.incident.DeclareRequest;
import io.warroom.incident.IncidentService;
import io.warroom.incident.Severity;
import io.warroom.postmortem.Postmortems;
import io.warroom.support.TestApp;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.sql.DataSource;

/**
 * Generates the postmortem draft of an incident with 10,000 timeline entries, read from the default
 * H2 file database as in production, and reports the time (median and max of the runs) and the peak
 * heap. Run with {@code -Xmx256m} ({@code mvn -B -q -Pbench verify -Dbench=postmortem}): the goal
 * is at most 1 s within 256 MB.
 */
public final class PostmortemBench {

  static final int ENTRIES = AckLatencyBench.setting("BENCH_POSTMORTEM_ENTRIES", 10_000);
  static final int RUNS = AckLatencyBench.setting("BENCH_POSTMORTEM_RUNS", 15);
  static final int WARMUP = AckLatencyBench.setting("BENCH_POSTMORTEM_WARMUP", 5);
  static final long GOAL_MILLIS = 1000;
  static final long GOAL_HEAP_MB = 256;

  public static void main(String[] args) throws Exception {
    if (!AckLatencyBench.selected("postmortem")) {
      return;
    }
    // The JDK's HttpServer, which plays Slack, leaves Nagle on; every Web API answer would then
    // wait for a delayed ACK (about 40 ms) that real Slack does not add.
    System.setProperty("sun.net.httpserver.nodelay", "true");
    Path dir = Files.createTempDirectory("warroom-pm-bench");
    String url = "jdbc:h2:file:" + dir.resolve("warroom") + EventIngestBench.H2_OPTIONS;
    try (FakeSlack slack = FakeSlack.start(TestApp.BOT_TOKEN, TestApp.SIGNING_SECRET)) {
      List<String> users = new ArrayList<>();
      for (int i = 0; i < 40; i++) {
        users.add(slack.user("responder" + i));
      }
      Map<String, Object> props = new HashMap<>();
      props.put("micronaut.server.port", -1);
      props.put("datasources.default.url", url);
      props.put("slack.bot-token", TestApp.BOT_TOKEN);
      props.put("slack.signing-secret", TestApp.SIGNING_SECRET);
      props.put("slack.api-url", slack.apiUrl());
      try (EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, props)) {
        slack.connect(URI.create("http://127.0.0.1:" + server.getPort() + "/slack/events"));
        ApplicationContext ctx = server.getApplicationContext();
        long id =
            ctx.getBean(IncidentService.class)
                .declare(
                    new DeclareRequest(
                        "bench",
                        "Payments API returning 500s",
                        Severity.SEV1,
                        "EU checkout",
                        false,
                        false,
                        users.get(0),
                        users.get(1)))
                .incident()
                .id();
        fill(url, id, users);
        // The war room is built in the background; let that finish before measuring.
        DataSource db = DelegatingDataSource.unwrapDataSource(ctx.getBean(DataSource.class));
        long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (AckLatencyBench.backlog(db) > 0 && System.nanoTime() < until) {
          Thread.sleep(50);
        }
        slack.awaitEvents(Duration.ofSeconds(10));
        Postmortems postmortems = ctx.getBean(Postmortems.class);
        int apiCallsBefore = slack.calls().size();
        long coldStart = System.nanoTime();
        String draft = postmortems.draft(id).orElseThrow();
        long coldMillis = (System.nanoTime() - coldStart) / 1_000_000;
        List<ApiCall> coldCalls = slack.calls().subList(apiCallsBefore, slack.calls().size());
        for (int run = 1; run < WARMUP; run++) {
          draft = postmortems.draft(id).orElseThrow();
        }
        draft = null;
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long thread = Thread.currentThread().getId();
        long[] millis = new long[RUNS];
        long[] allocated = new long[RUNS];
        long baseline = resetPeaks();
        long[] gcBefore = AckLatencyBench.gc();
        long[] cpuBefore = AckLatencyBench.cpu();
        long started = System.nanoTime();
        for (int run = 0; run < RUNS; run++) {
          long bytes = threads.getThreadAllocatedBytes(thread);
          long start = System.nanoTime();
          draft = postmortems.draft(id).orElseThrow();
          millis[run] = (System.nanoTime() - start) / 1_000_000;
          allocated[run] = threads.getThreadAllocatedBytes(thread) - bytes;
        }
        long wall = System.nanoTime() - started;
        long peak = peakHeapBytes();
        long[] gcAfter = AckLatencyBench.gc();
        double otherCpu = AckLatencyBench.otherCpu(cpuBefore, AckLatencyBench.cpu(), wall);
        long[] sorted = millis.clone();
        Arrays.sort(sorted);
        Arrays.sort(allocated);
        long median = sorted[sorted.length / 2];
        long max = sorted[sorted.length - 1];
        long mb = 1024 * 1024;
        boolean met = max <= GOAL_MILLIS && peak <= GOAL_HEAP_MB * mb;
        String report =
            String.format(
                Locale.ROOT,
                "# Postmortem draft of %,d timeline entries (%s, %d cores, Java %s, max heap %d MB)%n%n"
                    + "| runs | median | max | first draft (cold) | draft size | peak heap | live heap before | allocated per draft"
                    + " | GC pauses | other CPU | goal |%n|---|---|---|---|---|---|---|---|---|---|---|%n"
                    + "| %d | %d ms | %d ms | %d ms | %,d chars | %d MB | %d MB | %d MB | %d in %d ms | %.0f%%"
                    + " | %s (every run ≤ 1 s, peak ≤ 256 MB) |%n%n"
                    + "Time is `Postmortems.draft(id)`: reading the incident, its %,d entries, participants"
                    + " and action items from the H2 file database, names from the cache, and rendering"
                    + " the Markdown; %d drafts warm up first, the first of them in a JVM that has not drafted"
                    + " before (cold; it made %d Web API calls to Slack, %s, asked for several at a time over %d ms, for the names it then caches). Peak heap is the sum of the heap pools'"
                    + " peak usage over the measured runs (the whole JVM: Warroom, the fake Slack and"
                    + " garbage not yet collected); live heap before is what was in use after a full"
                    + " GC before them; allocated is the median per draft on the calling thread."
                    + " Each run in ms: %s%n",
                ENTRIES,
                LocalDate.now(),
                Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"),
                Runtime.getRuntime().maxMemory() / mb,
                RUNS,
                median,
                max,
                coldMillis,
                draft.length(),
                peak / mb,
                baseline / mb,
                allocated[allocated.length / 2] / mb,
                gcAfter[0] - gcBefore[0],
                gcAfter[1] - gcBefore[1],
                otherCpu * 100,
                met ? "met" : "**missed**",
                ENTRIES,
                WARMUP,
                coldCalls.size(),
                coldCalls.stream()
                    .collect(
                        java.util.stream.Collectors.groupingBy(
                            ApiCall::method,
                            java.util.TreeMap::new,
                            java.util.stream.Collectors.counting()))
                    .toString(),
                coldCalls.isEmpty()
                    ? 0
                    : coldCalls.get(coldCalls.size() - 1).atMillis() - coldCalls.get(0).atMillis(),
                Arrays.toString(millis));
        System.out.println(report);
        Path out = Path.of("target", "bench", "postmortem.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report, StandardCharsets.UTF_8);
        System.out.println("Written to " + out.toAbsolutePath());
      }
    } finally {
      AckLatencyBench.deleteTree(dir);
    }
  }

  /** A realistic mix: channel chatter, exploration replies, pins, updates, deletions. */
  private static void fill(String url, long incident, List<String> users) throws Exception {
    Instant start = Instant.now().minusSeconds(ENTRIES * 3L);
    try (Connection c = DriverManager.getConnection(url, "sa", "");
        PreparedStatement s =
            c.prepareStatement(
                "INSERT INTO timeline_entry (incident_id, kind, at, actor, text, channel_id, ts, thread_ts,"
                    + " exploration, key_event, pins, edited, deleted, data) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)")) {
      c.setAutoCommit(false);
      for (int i = 0; i < ENTRIES; i++) {
        Instant at = start.plusSeconds(i * 3L);
        String ts = at.getEpochSecond() + "." + String.format("%06d", i);
        boolean update = i % 500 == 0;
        boolean exploration = !update && i % 3 == 0;
        boolean pinned = i % 97 == 0;
        boolean deleted = i % 211 == 0;
        s.setLong(1, incident);
        s.setString(2, update ? "STATUS_UPDATE" : "MESSAGE");
        s.setTimestamp(3, Timestamp.from(at));
        s.setString(4, users.get(i % users.size()));
        s.setString(
            5,
            deleted
                ? null
                : update
                    ? "Identified: EU card payments failing, " + i + " customers affected"
                    : "Checked <@"
                        + users.get((i + 1) % users.size())
                        + "> the pool &amp; the graph <https://grafana.example.com/d/"
                        + i
                        + "|dashboard "
                        + i
                        + "> — latency p99 "
                        + (i % 900)
                        + " ms");
        s.setString(6, update ? null : "C0BENCHROOM");
        s.setString(7, update ? null : ts);
        s.setString(8, exploration ? "1700000000.000001" : null);
        s.setBoolean(9, exploration);
        s.setBoolean(10, update || (pinned && !deleted));
        s.setInt(11, pinned && !deleted ? 1 : 0);
        s.setBoolean(12, false);
        s.setBoolean(13, deleted);
        s.setString(
            14,
            update
                ? "{\"status\":\"Identified\",\"impact\":\"EU card payments failing, "
                    + i
                    + " customers affected\"}"
                : null);
        s.addBatch();
        if (i % 1000 == 999) {
          s.executeBatch();
        }
      }
      s.executeBatch();
      c.commit();
    }
  }

  /** Collects, then starts the heap pools' peaks afresh; returns the heap in use after the GC. */
  private static long resetPeaks() {
    System.gc();
    long used = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        used += pool.getUsage().getUsed();
        pool.resetPeakUsage();
      }
    }
    return used;
  }

  private static long peakHeapBytes() {
    long total = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        total += pool.getPeakUsage().getUsed();
      }
    }
    return total;
  }
}
