package io.warroom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.warroom.support.Postgres;
import io.warroom.support.TestApp;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code GET /health} answers 200 when the app and its database are up, 503 when not. */
class HealthTest {

  private final HttpClient http = HttpClient.newHttpClient();

  private HttpResponse<String> health(TestApp app) throws Exception {
    return http.send(
        HttpRequest.newBuilder(app.url("/health")).build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void upWithItsDatabaseAndDownWithout() throws Exception {
    String url = Postgres.newDatabase();
    try (TestApp app =
        TestApp.start(
            io.warroom.sandbox.FakeSlack.start(TestApp.BOT_TOKEN, TestApp.SIGNING_SECRET),
            url,
            Map.of())) {
      HttpResponse<String> up = health(app);
      assertEquals(200, up.statusCode());
      assertTrue(up.body().contains("\"status\":\"UP\""), up.body());
      assertTrue(
          !up.body().contains("password") && !up.body().contains("jdbc:"), "no details leak");

      String database = Postgres.nameOf(url);
      try (Connection admin = Postgres.admin();
          Statement s = admin.createStatement()) {
        s.execute("ALTER DATABASE " + database + " ALLOW_CONNECTIONS false");
        s.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '"
                + database
                + "'");
        HttpResponse<String> down = health(app);
        assertEquals(503, down.statusCode(), down.body());
        s.execute("ALTER DATABASE " + database + " ALLOW_CONNECTIONS true");
      }
      TestApp.await(
          "healthy again",
          () -> {
            try {
              return health(app).statusCode() == 200;
            } catch (Exception e) {
              return false;
            }
          });
    }
  }
}
