package io.warroom.bench;

import io.micronaut.context.ApplicationContext;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.runtime.server.EmbeddedServer;
import io.warroom.fakeslack.FakeSlack;
import io.warroom.support.TestApp;
import java.io.InputStream;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;

/**
 * How many Alertmanager notifications a second Warroom accepts (issue 24): 8 concurrent senders
 * POST version-4 webhooks, each for a group of its own (a distinct {@code groupKey}), to {@code
 * /integrations/alertmanager} over HTTP keep-alive, each sending its next as soon as the last is
 * answered; H2 file database as in production. Afterwards the stored groups are counted against
 * what was accepted. Run by {@code mvn -B -q -Pbench verify -Dbench=alerts}; see {@code
 * docs/benchmarks.md}.
 */
final class AlertIngestBench {

  private static final int SENDERS = AckLatencyBench.setting("BENCH_ALERT_SENDERS", 8);
  private static final int NOTIFICATIONS = AckLatencyBench.setting("BENCH_ALERTS", 5_000);
  private static final int WARMUP = AckLatencyBench.setting("BENCH_ALERTS_WARMUP", 10_000);
  private static final int ROUNDS = AckLatencyBench.setting("BENCH_ALERT_ROUNDS", 3);
  private static final double GOAL_PER_SECOND = 500;
  private static final double GOAL_P99_MS = 50;
  private static final String TOKEN = "bench-integration-token";

  private final URI url;
  private final String template;
  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();
  private final ExecutorService senders = Executors.newFixedThreadPool(SENDERS);
  private final AtomicInteger groups = new AtomicInteger();
  private final String loadBefore = load();

  private record Round(int sent, int accepted, double seconds, double[] millis, double otherCpu) {
    double perSecond() {
      return accepted / seconds;
    }

    double percentile(double p) {
      return millis[Math.min(millis.length - 1, (int) Math.ceil(p * millis.length) - 1)];
    }

    String row() {
      return String.format(
          Locale.ROOT,
          "| %d | %d | %.0f | %.1f | %.1f | %.1f | %.0f%% |",
          sent,
          accepted,
          perSecond(),
          percentile(0.50),
          percentile(0.99),
          millis[millis.length - 1],
          otherCpu * 100);
    }
  }

  private AlertIngestBench(URI url, String template) {
    this.url = url;
    this.template = template;
  }

  public static void main(String[] args) throws Exception {
    if (!AckLatencyBench.selected("alerts")) {
      return;
    }
    Path dir = Files.createTempDirectory("warroom-alerts");
    String h2Options =
        System.getenv().getOrDefault("BENCH_H2_OPTIONS", EventIngestBench.H2_OPTIONS);
    FakeSlack slack = FakeSlack.start(TestApp.BOT_TOKEN, TestApp.SIGNING_SECRET);
    Map<String, Object> props = new LinkedHashMap<>();
    props.put("micronaut.server.port", -1);
    props.put("datasources.default.url", "jdbc:h2:file:" + dir.resolve("warroom") + h2Options);
    props.put("slack.bot-token", TestApp.BOT_TOKEN);
    props.put("slack.signing-secret", TestApp.SIGNING_SECRET);
    props.put("slack.api-url", slack.apiUrl());
    props.put("warroom.integration-token", TOKEN);
    EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, props);
    String template;
    try (InputStream in =
        AlertIngestBench.class.getResourceAsStream("/integrations/alertmanager/firing.json")) {
      template = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    AlertIngestBench bench =
        new AlertIngestBench(
            URI.create("http://127.0.0.1:" + server.getPort() + "/integrations/alertmanager"),
            template);
    try {
      System.out.printf(
          Locale.ROOT,
          "Alert ingest: %d senders, warm-up %d, %d rounds of %d, %d cores, load %s%n",
          SENDERS,
          WARMUP,
          ROUNDS,
          NOTIFICATIONS,
          Runtime.getRuntime().availableProcessors(),
          load());
      bench.round(WARMUP);
      List<Round> rounds = new ArrayList<>();
      for (int r = 0; r < ROUNDS; r++) {
        Round round = bench.round(NOTIFICATIONS);
        rounds.add(round);
        System.out.println(round.row());
      }
      DataSource db =
          DelegatingDataSource.unwrapDataSource(
              server.getApplicationContext().getBean(DataSource.class));
      long stored;
      try (Connection c = db.getConnection();
          Statement s = c.createStatement();
          ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM alert_group")) {
        rs.next();
        stored = rs.getLong(1);
      }
      int accepted = WARMUP + rounds.stream().mapToInt(Round::accepted).sum();
      bench.report(rounds, accepted, stored);
    } finally {
      bench.senders.shutdownNow();
      server.close();
      slack.close();
      AckLatencyBench.deleteTree(dir);
    }
  }

  /** One round: {@code count} notifications, each of a new group, from the concurrent senders. */
  private Round round(int count) throws Exception {
    AtomicInteger next = new AtomicInteger();
    AtomicInteger accepted = new AtomicInteger();
    double[] millis = new double[count];
    long[] cpuBefore = AckLatencyBench.cpu();
    long start = System.nanoTime();
    List<Future<?>> running = new ArrayList<>();
    for (int s = 0; s < SENDERS; s++) {
      running.add(
          senders.submit(
              () -> {
                for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                  String key = "{}:{alertname=\\\"Bench" + groups.incrementAndGet() + "\\\"}";
                  String body =
                      template.replace(
                          "{}/{severity=\\\"critical\\\"}:{alertname=\\\"HighErrorRate\\\"}", key);
                  HttpRequest request =
                      HttpRequest.newBuilder(url)
                          .header("Authorization", "Bearer " + TOKEN)
                          .header("Content-Type", "application/json")
                          .POST(HttpRequest.BodyPublishers.ofString(body))
                          .build();
                  long t0 = System.nanoTime();
                  HttpResponse<String> response =
                      http.send(request, HttpResponse.BodyHandlers.ofString());
                  millis[i] = (System.nanoTime() - t0) / 1e6;
                  if (response.statusCode() == 200 && response.body().contains("created")) {
                    accepted.incrementAndGet();
                  } else {
                    throw new IllegalStateException(
                        "notification refused: " + response.statusCode() + " " + response.body());
                  }
                }
                return null;
              }));
    }
    for (Future<?> f : running) {
      f.get();
    }
    long wall = System.nanoTime() - start;
    long[] cpuAfter = AckLatencyBench.cpu();
    Arrays.sort(millis);
    return new Round(
        count,
        accepted.get(),
        wall / 1e9,
        millis,
        AckLatencyBench.otherCpu(cpuBefore, cpuAfter, wall));
  }

  private void report(List<Round> rounds, int accepted, long stored) throws Exception {
    List<Round> byRate = new ArrayList<>(rounds);
    byRate.sort((a, b) -> Double.compare(a.perSecond(), b.perSecond()));
    Round median = byRate.get(byRate.size() / 2);
    boolean met =
        median.perSecond() >= GOAL_PER_SECOND
            && median.percentile(0.99) < GOAL_P99_MS
            && stored == accepted;
    StringBuilder md = new StringBuilder();
    md.append("# Alert ingest\n\n")
        .append(
            String.format(
                Locale.ROOT,
                "%d senders, Alertmanager webhooks of one alert each, every one a new group; H2 file;"
                    + " %d cores; load average (1, 5, 15 min) before the run %s; after %s.%n%n",
                SENDERS,
                Runtime.getRuntime().availableProcessors(),
                loadBefore,
                load()))
        .append("| sent | accepted | per second | p50 ms | p99 ms | max ms | other CPU |\n")
        .append("|---|---|---|---|---|---|---|\n");
    for (Round r : rounds) {
      md.append(r.row()).append('\n');
    }
    md.append(
        String.format(
            Locale.ROOT,
            "%nMedian round: %.0f/s, p99 %.1f ms (goal ≥ %.0f/s, p99 < %.0f ms). Accepted %d,"
                + " stored groups %d. %s%n",
            median.perSecond(),
            median.percentile(0.99),
            GOAL_PER_SECOND,
            GOAL_P99_MS,
            accepted,
            stored,
            met ? "Goal met." : "Goal NOT met."));
    System.out.print(md);
    Path out = Path.of("target", "bench", "alert-ingest.md");
    Files.createDirectories(out.getParent());
    Files.writeString(out, md.toString(), StandardCharsets.UTF_8);
  }

  private static String load() {
    try {
      String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
      return f[0] + " " + f[1] + " " + f[2];
    } catch (Exception e) {
      return "unknown";
    }
  }
}
