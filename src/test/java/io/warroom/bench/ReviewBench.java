package io.warroom.bench;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.warroom.fakeslack.FakeSlack;
import io.warroom.review.ProcessReview;
import io.warroom.review.ReviewLoader;
import io.warroom.support.Postgres;
import io.warroom.support.TestApp;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The process review ({@code /incident review 20}) over 10,000 resolved incidents, each with its
 * timeline (Warroom's entries and chat messages) and hypotheses, on an H2 file database and on
 * PostgreSQL (embedded): the time to load and render it, warm (median and max of the runs). Goal:
 * under 1 s. {@code ./mvnw -B -q -Pbench verify -Dbench=review}.
 */
public final class ReviewBench {

  static final int INCIDENTS = AckLatencyBench.setting("BENCH_REVIEW_INCIDENTS", 10_000);
  static final int MESSAGES = AckLatencyBench.setting("BENCH_REVIEW_MESSAGES", 20);
  static final int RUNS = AckLatencyBench.setting("BENCH_REVIEW_RUNS", 15);
  static final int WARMUP = AckLatencyBench.setting("BENCH_REVIEW_WARMUP", 5);
  static final int N = 20;
  static final long GOAL_MILLIS = 1000;

  public static void main(String[] args) throws Exception {
    if (!AckLatencyBench.selected("review")) {
      return;
    }
    System.setProperty("sun.net.httpserver.nodelay", "true");
    StringBuilder report =
        new StringBuilder(
            String.format(
                Locale.ROOT,
                "# Process review of the last %d of %,d resolved incidents (%s, %d cores, Java %s)%n%n"
                    + "| database | runs | median | max | first (cold) | goal |%n|---|---|---|---|---|---|%n",
                N,
                INCIDENTS,
                LocalDate.now(),
                Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version")));
    Path dir = Files.createTempDirectory("warroom-review-bench");
    try {
      String h2 = "jdbc:h2:file:" + dir.resolve("warroom") + EventIngestBench.H2_OPTIONS;
      report.append(measure("H2 (file)", h2, "sa"));
      report.append(measure("PostgreSQL (embedded)", Postgres.newDatabase(), "postgres"));
    } finally {
      AckLatencyBench.deleteTree(dir);
    }
    report.append(
        String.format(
            Locale.ROOT,
            "%nTime is `ReviewLoader.load(%d)` and `ProcessReview.markdown`: the incidents, their"
                + " detection, hypotheses, Warroom's own timeline entries (each incident also has %d"
                + " chat messages, which are not read) and action items; %d reviews warm up first.%n",
            N,
            MESSAGES,
            WARMUP));
    System.out.println(report);
    Path out = Path.of("target", "bench", "review.md");
    Files.createDirectories(out.getParent());
    Files.writeString(out, report, StandardCharsets.UTF_8);
    System.out.println("Written to " + out.toAbsolutePath());
  }

  private static String measure(String name, String url, String user) throws Exception {
    try (FakeSlack slack = FakeSlack.start(TestApp.BOT_TOKEN, TestApp.SIGNING_SECRET)) {
      Map<String, Object> props = new HashMap<>();
      props.put("micronaut.server.port", -1);
      props.put("datasources.default.url", url);
      props.put("datasources.default.username", user);
      props.put("datasources.default.password", "");
      props.put("slack.bot-token", TestApp.BOT_TOKEN);
      props.put("slack.signing-secret", TestApp.SIGNING_SECRET);
      props.put("slack.api-url", slack.apiUrl());
      try (EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, props)) {
        fill(url, user);
        ReviewLoader loader = server.getApplicationContext().getBean(ReviewLoader.class);
        long coldStart = System.nanoTime();
        String review = ProcessReview.markdown(loader.load(N));
        long cold = (System.nanoTime() - coldStart) / 1_000_000;
        for (int i = 1; i < WARMUP; i++) {
          review = ProcessReview.markdown(loader.load(N));
        }
        long[] millis = new long[RUNS];
        for (int run = 0; run < RUNS; run++) {
          long start = System.nanoTime();
          review = ProcessReview.markdown(loader.load(N));
          millis[run] = (System.nanoTime() - start) / 1_000_000;
        }
        if (!review.contains("## Across them")) {
          throw new IllegalStateException("no review: " + review);
        }
        long[] sorted = millis.clone();
        Arrays.sort(sorted);
        long max = sorted[sorted.length - 1];
        return String.format(
            Locale.ROOT,
            "| %s | %d | %d ms | %d ms | %d ms | %s (every run < 1 s) |%n",
            name,
            RUNS,
            sorted[sorted.length / 2],
            max,
            cold,
            max < GOAL_MILLIS ? "met" : "**missed**");
      }
    }
  }

  /** Resolved incidents, one in ten a drill, with their entries and hypotheses. */
  private static void fill(String url, String user) throws Exception {
    Instant start = Instant.now().minusSeconds(INCIDENTS * 3600L);
    try (Connection c = DriverManager.getConnection(url, user, "");
        PreparedStatement incident =
            c.prepareStatement(
                "INSERT INTO incident (id, request_key, title, affected, severity, status,"
                    + " is_private, drill, declared_by, commander, declared_at, mitigated_at,"
                    + " resolved_at, revision, in_intake) VALUES"
                    + " (?,?,?,?,'SEV2','RESOLVED',?,?,'U0ALICE','U0BOB',?,?,?,1,FALSE)");
        PreparedStatement entry =
            c.prepareStatement(
                "INSERT INTO timeline_entry (incident_id, kind, at, actor, text, exploration,"
                    + " key_event, pins, edited, deleted, data) VALUES"
                    + " (?,?,?,'U0BOB',?,FALSE,FALSE,0,FALSE,FALSE,?)");
        PreparedStatement hypothesis =
            c.prepareStatement(
                "INSERT INTO hypothesis (incident_id, number, text, raised_by, raised_at, state,"
                    + " changed_at, closed_by, closed_at) VALUES (?,?,?,'U0BOB',?,?,?,?,?)")) {
      c.setAutoCommit(false);
      long base = 1_000_000;
      for (int i = 0; i < INCIDENTS; i++) {
        long id = base + i;
        Instant declared = start.plusSeconds(i * 3600L);
        incident.setLong(1, id);
        incident.setString(2, "bench-review-" + i);
        incident.setString(3, "Checkout errors " + i);
        incident.setString(4, "service-" + (i % 7));
        incident.setBoolean(5, i % 20 == 0);
        incident.setBoolean(6, i % 10 == 3);
        incident.setTimestamp(7, Timestamp.from(declared));
        incident.setTimestamp(8, Timestamp.from(declared.plusSeconds(1800)));
        incident.setTimestamp(9, Timestamp.from(declared.plusSeconds(2700)));
        incident.addBatch();
        add(entry, id, "ROLE_ASSIGNED", declared.plusSeconds(60), "{\"role\":\"ic\"}");
        add(entry, id, "STATUS_UPDATE", declared.plusSeconds(600), null);
        add(entry, id, "REMINDER", declared.plusSeconds(1500), null);
        add(entry, id, "STATUS_UPDATE", declared.plusSeconds(1600), null);
        add(entry, id, "HANDOVER", declared.plusSeconds(1700), null);
        add(entry, id, "STAKEHOLDER_QUESTION", declared.plusSeconds(1750), null);
        for (int m = 0; m < MESSAGES; m++) {
          add(entry, id, "MESSAGE", declared.plusSeconds(100 + m * 60L), null);
        }
        for (int h = 1; h <= 2; h++) {
          hypothesis.setLong(1, id);
          hypothesis.setInt(2, h);
          hypothesis.setString(3, "Hypothesis " + h);
          hypothesis.setTimestamp(4, Timestamp.from(declared.plusSeconds(300L * h)));
          hypothesis.setString(5, h == 2 ? "CONFIRMED" : "RULED_OUT");
          hypothesis.setTimestamp(6, Timestamp.from(declared.plusSeconds(1200)));
          hypothesis.setString(7, "U0BOB");
          hypothesis.setTimestamp(8, Timestamp.from(declared.plusSeconds(1200)));
          hypothesis.addBatch();
        }
        if (i % 500 == 499) {
          incident.executeBatch();
          entry.executeBatch();
          hypothesis.executeBatch();
          c.commit();
        }
      }
      incident.executeBatch();
      entry.executeBatch();
      hypothesis.executeBatch();
      c.commit();
    }
  }

  private static void add(PreparedStatement entry, long id, String kind, Instant at, String data)
      throws Exception {
    entry.setLong(1, id);
    entry.setString(2, kind);
    entry.setTimestamp(3, Timestamp.from(at));
    entry.setString(4, kind.toLowerCase(Locale.ROOT));
    entry.setString(5, data);
    entry.addBatch();
  }
}
