package io.warroom.heartbeat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.warroom.fakeslack.FakeSlack;
import io.warroom.support.Postgres;
import io.warroom.support.Room;
import io.warroom.support.TestApp;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Two replicas on one PostgreSQL, both ticking every second: each due time gives exactly one
 * reminder, in the timeline and in Slack, over more than twenty due times.
 */
class TwoReplicasHeartbeatTest {

  @Test
  void eachDueTimeGivesExactlyOneReminder() throws Exception {
    String db = Postgres.newDatabase();
    Map<String, Object> props =
        Map.of("warroom.heartbeat.sev1", "2s", "warroom.scheduler-tick", "1s");
    try (FakeSlack slack = FakeSlack.start(TestApp.BOT_TOKEN, TestApp.SIGNING_SECRET)) {
      String alice = slack.user("alice");
      String general = slack.channel("general", false, alice, alice);
      TestApp a = TestApp.start(slack, db, props);
      TestApp b = TestApp.start(slack, db, props);
      List<Room> rooms = new ArrayList<>();
      try {
        for (int i = 1; i <= 5; i++) {
          slack.app().command(alice, general, "declare sev1 Replica heartbeat " + i);
          rooms.add(Room.awaitContaining(slack, "replica-heartbeat-" + i));
        }
        Thread.sleep(11_000); // time passes on purpose: a few cadences run on two replicas
      } finally {
        a.stopApp();
        b.stopApp();
      }
      // A reminder recorded just before the stop is posted after a restart, never lost: restart
      // once with reminders off, let it deliver what is pending, and stop again.
      TestApp restarted = TestApp.start(slack, db, Map.of("warroom.heartbeat.sev1", "off"));
      try {
        TestApp.await("every recorded post delivered", () -> undelivered(db) == 0);
      } finally {
        restarted.stopApp();
      }
      // Every replica is stopped: what is stored and what Slack got can be compared at rest.
      int total = 0;
      try (Connection c = DriverManager.getConnection(db)) {
        for (Room room : rooms) {
          List<String> dueTimes = new ArrayList<>();
          try (PreparedStatement q =
              c.prepareStatement(
                  "SELECT t.data FROM timeline_entry t JOIN war_room w ON w.incident_id = t.incident_id"
                      + " WHERE w.channel_id = ? AND t.kind = 'REMINDER'")) {
            q.setString(1, room.id);
            try (ResultSet rs = q.executeQuery()) {
              while (rs.next()) {
                dueTimes.add(rs.getString(1));
              }
            }
          }
          assertEquals(
              dueTimes.size(),
              new HashSet<>(dueTimes).size(),
              "one reminder per due time in " + room.name);
          long posted =
              room.botMessages().stream().filter(m -> m.text().equals("Status update due")).count();
          assertEquals(dueTimes.size(), posted, "one Slack post per reminder in " + room.name);
          total += dueTimes.size();
        }
      }
      assertTrue(total >= 20, total + " due times");
    }
  }

  private static long undelivered(String db) {
    try (Connection c = DriverManager.getConnection(db);
        ResultSet rs =
            c.createStatement()
                .executeQuery("SELECT count(*) FROM outbox WHERE delivered_at IS NULL")) {
      rs.next();
      return rs.getLong(1);
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
