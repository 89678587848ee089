package io.warroom.bench;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.warroom.incident.DeclareRequest;
import io.warroom.incident.IncidentService;
import io.warroom.incident.Severity;
import io.warroom.postmortem.Postmortems;
import io.warroom.sandbox.FakeSlack;
import io.warroom.support.TestApp;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Generates the postmortem draft of an incident with 10,000 timeline entries, read from the default
 * H2 file database as in production, and reports the time (median and max of the runs) and the peak
 * heap. Run with {@code -Xmx256m}: the goal is at most 1 s within 256 MB.
 */
public final class PostmortemBench {

  static final int ENTRIES = 10_000;
  static final int RUNS = 15;

  public static void main(String[] args) throws Exception {
    Path dir = Files.createTempDirectory("warroom-pm-bench");
    String url =
        "jdbc:h2:file:"
            + dir.resolve("warroom")
            + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE";
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
      props.put("warroom.delivery.sweep", "1h");
      try (EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, props)) {
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
        Postmortems postmortems = ctx.getBean(Postmortems.class);
        String draft = postmortems.draft(id).orElseThrow();
        List<Long> millis = new ArrayList<>();
        resetPeaks();
        for (int run = 0; run < RUNS; run++) {
          long start = System.nanoTime();
          draft = postmortems.draft(id).orElseThrow();
          millis.add((System.nanoTime() - start) / 1_000_000);
        }
        long peak = peakHeapBytes();
        Collections.sort(millis);
        String report =
            String.format(
                "# Postmortem draft of %,d timeline entries (%s, %d cores, Java %s, -Xmx%s)%n%n"
                    + "| runs | median | max | draft size | peak heap | goal |%n|---|---|---|---|---|---|%n"
                    + "| %d | %d ms | %d ms | %,d chars | %d MB | %s |%n%n"
                    + "Time is `Postmortems.draft(id)`: reading the incident, its %,d entries, participants"
                    + " and action items from the H2 file database, names from the cache, and rendering"
                    + " the Markdown. Peak heap is the sum of the heap pools' peak usage over the measured runs.%n",
                ENTRIES,
                java.time.LocalDate.now(),
                Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"),
                Runtime.getRuntime().maxMemory() / (1024 * 1024) + "m",
                RUNS,
                millis.get(millis.size() / 2),
                millis.get(millis.size() - 1),
                draft.length(),
                peak / (1024 * 1024),
                millis.get(millis.size() / 2) <= 1000 && peak <= 256L * 1024 * 1024
                    ? "met (≤ 1 s, ≤ 256 MB)"
                    : "**missed** (≤ 1 s, ≤ 256 MB)",
                ENTRIES);
        System.out.println(report);
        Path out = Path.of("target/bench/postmortem.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
      }
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

  private static void resetPeaks() {
    System.gc();
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        pool.resetPeakUsage();
      }
    }
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
