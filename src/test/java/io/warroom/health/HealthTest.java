package io.warroom.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.warroom.fakeslack.FakeSlack;
import io.warroom.fakeslack.Faults.Fault;
import io.warroom.support.Postgres;
import io.warroom.support.TestApp;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The probes of SPEC section 15: {@code /health/live} answers while the process runs, whatever the
 * database does; {@code /health/ready} (and {@code /health}) answers 503 with a one-line reason
 * while the database is away or Slack has not accepted the token.
 */
class HealthTest {

  private final HttpClient http = HttpClient.newHttpClient();

  private HttpResponse<String> get(TestApp app, String path) {
    try {
      return http.send(
          HttpRequest.newBuilder(app.url(path)).timeout(Duration.ofSeconds(10)).build(),
          HttpResponse.BodyHandlers.ofString());
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void readyWithItsDatabaseAndNotWithoutWhileLiveStaysUp() throws Exception {
    String url = Postgres.newDatabase();
    try (TestApp app =
        TestApp.start(FakeSlack.start(TestApp.BOT_TOKEN, TestApp.SIGNING_SECRET), url, Map.of())) {
      for (String path : new String[] {"/health", "/health/ready", "/health/live"}) {
        HttpResponse<String> up = get(app, path);
        assertEquals(200, up.statusCode(), path);
        assertTrue(up.body().contains("\"status\":\"UP\""), up.body());
        assertTrue(
            !up.body().contains("password") && !up.body().contains("jdbc:"), "no details leak");
      }

      String database = Postgres.nameOf(url);
      try (Connection admin = Postgres.admin();
          Statement s = admin.createStatement()) {
        s.execute("ALTER DATABASE " + database + " ALLOW_CONNECTIONS false");
        s.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '"
                + database
                + "'");
        for (String path : new String[] {"/health", "/health/ready"}) {
          long start = System.nanoTime();
          HttpResponse<String> down = get(app, path);
          long millis = (System.nanoTime() - start) / 1_000_000;
          assertEquals(503, down.statusCode(), down.body());
          assertTrue(down.body().contains("\"reason\":\"database did not answer"), down.body());
          assertTrue(!down.body().contains("jdbc:"), "no details leak: " + down.body());
          assertTrue(millis < 4000, "the probe answers promptly, not after the pool's 5 s");
        }
        HttpResponse<String> live = get(app, "/health/live");
        assertEquals(200, live.statusCode(), "a database blip must not get the replica restarted");
        s.execute("ALTER DATABASE " + database + " ALLOW_CONNECTIONS true");
      }
      TestApp.await(
          "ready again",
          Duration.ofSeconds(20),
          () -> get(app, "/health/ready").statusCode() == 200);
    }
  }

  @Test
  void notReadyUntilSlackHasAcceptedTheToken() {
    FakeSlack slack = FakeSlack.start(TestApp.BOT_TOKEN, TestApp.SIGNING_SECRET);
    slack.faults().always("auth.test", Fault.serverError());
    try (TestApp app =
        TestApp.start(
            slack, TestApp.inMemoryDatabase(), Map.of("warroom.slack.identity-wait", "100ms"))) {
      HttpResponse<String> ready = get(app, "/health/ready");
      assertEquals(503, ready.statusCode(), ready.body());
      assertTrue(ready.body().contains("Slack has not yet accepted the bot token"), ready.body());
      assertTrue(!ready.body().contains(TestApp.BOT_TOKEN), "the token is not shown");
      assertEquals(200, get(app, "/health/live").statusCode());

      slack.faults().clear();
      TestApp.await(
          "ready once Slack answers",
          Duration.ofSeconds(20),
          () -> get(app, "/health/ready").statusCode() == 200);
    }
  }

  @Test
  void notReadyOnceStoppingWhileRequestsAreStillServed() {
    try (TestApp app = TestApp.start(Map.of("warroom.shutdown.drain", "300ms"))) {
      assertEquals(200, get(app, "/health/ready").statusCode());
      app.bean(Readiness.class).stopping();
      HttpResponse<String> ready = get(app, "/health/ready");
      assertEquals(503, ready.statusCode());
      assertTrue(ready.body().contains("\"reason\":\"shutting down\""), ready.body());
      assertEquals(200, get(app, "/health/live").statusCode());
    }
  }
}
