package io.warroom.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariDataSource;
import io.warroom.sandbox.AppLink;
import io.warroom.sandbox.FakeSlack;
import io.warroom.support.Room;
import io.warroom.support.TestApp;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A database that does not answer in time (here: every pooled connection is taken). Slack shows the
 * user an error after 3 s, and a user who sees one declares again; so the declaration must answer
 * in time and say what happened.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SlowDatabaseTest {

  private static final int POOL = 3;

  private FakeSlack slack;
  private TestApp app;
  private String alice;
  private String general;

  @BeforeAll
  void start() {
    slack = FakeSlack.start(TestApp.BOT_TOKEN, TestApp.SIGNING_SECRET);
    alice = slack.user("alice");
    general = slack.channel("general", false, alice, alice);
    app =
        TestApp.start(
            slack,
            TestApp.inMemoryDatabase(),
            Map.of(
                "datasources.default.maximum-pool-size",
                POOL,
                "datasources.default.connection-timeout",
                6000));
  }

  @AfterAll
  void stop() {
    app.close();
  }

  @Test
  void aDeclarationTheDatabaseCannotTakeInTimeIsRefusedInTimeAndNeverAppears() throws Exception {
    // Warm: the first request of a fresh JVM loads much of Bolt, which is not what is measured.
    slack.app().command(alice, general, "help");
    HikariDataSource pool = app.bean(DataSource.class).unwrap(HikariDataSource.class);
    List<Connection> held = new ArrayList<>();
    AppLink.Reply reply;
    long ackMillis;
    try {
      for (int i = 0; i < POOL; i++) {
        held.add(pool.getConnection());
      }
      long started = System.nanoTime();
      reply = slack.app().command(alice, general, "declare sev1 Orders database down");
      ackMillis = (System.nanoTime() - started) / 1_000_000;
    } finally {
      for (Connection c : held) {
        c.close();
      }
    }

    assertEquals(200, reply.status());
    assertTrue(ackMillis < 3000, "answered in " + ackMillis + " ms, before Slack gives up");
    assertTrue(reply.text().contains("nothing was declared"), reply.text());
    assertTrue(reply.text().contains("Declare again"), reply.text());

    // The database is back; the withdrawn declaration must not turn up late.
    AppLink.Reply again = slack.app().command(alice, general, "declare sev1 Checkout down");
    assertTrue(again.text().contains("Declared"), again.text());
    Room.awaitContaining(slack, "checkout-down");
    assertFalse(
        slack.channelNames().stream().anyMatch(n -> n.contains("orders-database-down")),
        slack.channelNames().toString());
    assertEquals(1, incidents(), "only the second declaration is stored");
  }

  private int incidents() throws Exception {
    try (Connection db = DriverManager.getConnection(app.jdbcUrl, "sa", "");
        ResultSet r = db.createStatement().executeQuery("SELECT COUNT(*) FROM incident")) {
      r.next();
      return r.getInt(1);
    }
  }
}
