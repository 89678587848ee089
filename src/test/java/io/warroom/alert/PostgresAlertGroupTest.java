package io.warroom.alert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.warroom.fakeslack.FakeSlack;
import io.warroom.support.Postgres;
import io.warroom.support.TestApp;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * The alert group on a real PostgreSQL: one row per group even when its notifications race, and a
 * 503 (so that Alertmanager retries) when the database cannot take the alert.
 */
class PostgresAlertGroupTest {

  private static final String TOKEN = "integration-token-pg-77";

  private static TestApp postgres() {
    return TestApp.start(
        FakeSlack.start(TestApp.BOT_TOKEN, TestApp.SIGNING_SECRET),
        Postgres.newDatabase(),
        Map.of("warroom.integration-token", TOKEN));
  }

  @Test
  void racingNotificationsOfOneGroupMakeOneRowAndTheLastStateWins() throws Exception {
    try (TestApp pg = postgres()) {
      String firing = Fixtures.read("alertmanager/firing.json");
      String resolved = Fixtures.read("alertmanager/resolved.json");
      ExecutorService senders = Executors.newFixedThreadPool(8);
      try {
        List<Future<HttpResponse<String>>> answers = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
          String body = i % 2 == 0 ? firing : resolved;
          answers.add(
              senders.submit(
                  () -> Fixtures.post(pg.url("/integrations/alertmanager"), TOKEN, body)));
        }
        for (Future<HttpResponse<String>> answer : answers) {
          assertEquals(200, answer.get().statusCode(), answer.get().body());
        }
      } finally {
        senders.shutdownNow();
      }
      assertEquals(1, pg.bean(AlertGroupRepository.class).count());
      assertEquals(
          200, Fixtures.post(pg.url("/integrations/alertmanager"), TOKEN, resolved).statusCode());
      AlertGroup g =
          pg.bean(AlertGroups.class)
              .find(
                  AlertSource.ALERTMANAGER,
                  "{}/{severity=\"critical\"}:{alertname=\"HighErrorRate\"}")
              .orElseThrow();
      assertEquals("resolved", g.status());
      assertEquals(0, g.firingCount());
    }
  }

  @Test
  void whenTheDatabaseCannotStoreTheAnswerIs503AndTheSenderRetries() throws Exception {
    try (TestApp pg = postgres();
        Connection db = DriverManager.getConnection(pg.jdbcUrl, "postgres", "");
        Statement sql = db.createStatement()) {
      sql.execute("ALTER TABLE alert_group RENAME TO alert_group_away");
      HttpResponse<String> refused =
          Fixtures.post(
              pg.url("/integrations/alertmanager"), TOKEN, Fixtures.read("grafana/firing.json"));
      assertEquals(400, refused.statusCode(), "a bad payload is still a 400");
      HttpResponse<String> failed =
          Fixtures.post(
              pg.url("/integrations/alertmanager"),
              TOKEN,
              Fixtures.read("alertmanager/firing.json"));
      assertEquals(503, failed.statusCode(), failed.body());
      assertTrue(failed.body().contains("could not be stored"), failed.body());
      sql.execute("ALTER TABLE alert_group_away RENAME TO alert_group");
      HttpResponse<String> retried =
          Fixtures.post(
              pg.url("/integrations/alertmanager"),
              TOKEN,
              Fixtures.read("alertmanager/firing.json"));
      assertEquals(200, retried.statusCode(), "the retry is stored");
      assertEquals(1, pg.bean(AlertGroupRepository.class).count());
    }
  }
}
