package io.warroom.postmortem;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.warroom.fakeslack.FakeSlack;
import io.warroom.support.Postgres;
import io.warroom.support.Room;
import io.warroom.support.TestApp;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Review reminders and weekly nudges happen exactly once with two replicas on PostgreSQL. */
class TwoReplicasFollowUpTest {

  @Test
  void eachFollowUpIsSentOnce() throws Exception {
    String db = Postgres.newDatabase();
    Map<String, Object> props =
        Map.of("warroom.postmortem-due", "2s", "warroom.scheduler-tick", "300ms");
    try (FakeSlack slack = FakeSlack.start(TestApp.BOT_TOKEN, TestApp.SIGNING_SECRET)) {
      String alice = slack.user("alice");
      String general = slack.channel("general", false, alice, alice);
      TestApp a = TestApp.start(slack, db, props);
      TestApp b = TestApp.start(slack, db, props);
      List<Room> rooms = new ArrayList<>();
      try {
        for (int i = 1; i <= 4; i++) {
          slack.app().command(alice, general, "declare sev2 Follow up replica " + i);
          Room room = Room.awaitContaining(slack, "follow-up-replica-" + i);
          rooms.add(room);
          slack.app().command(alice, room.id, "action Fix thing " + i + " @alice");
          slack.app().command(alice, room.id, "resolve Done");
        }
        try (Connection c = DriverManager.getConnection(db);
            PreparedStatement s =
                c.prepareStatement("UPDATE action_item SET next_reminder_at = ?")) {
          s.setTimestamp(1, Timestamp.from(Instant.now().minusSeconds(1)));
          assertEquals(4, s.executeUpdate());
        }
        for (Room room : rooms) {
          TestApp.await(
              "review " + room.name,
              () -> !room.botPostsContaining("The postmortem review is due").isEmpty());
          TestApp.await(
              "nudge " + room.name, () -> !room.botPostsContaining("still open").isEmpty());
        }
        for (Room room : rooms) {
          TestApp.holds(
              "one review reminder and one nudge in " + room.name,
              Duration.ofMillis(500),
              () ->
                  room.botPostsContaining("The postmortem review is due").size() == 1
                      && room.botPostsContaining("this action item from the incident is still open")
                              .size()
                          == 1);
        }
      } finally {
        a.stopApp();
        b.stopApp();
      }
      for (Room room : rooms) {
        assertEquals(1, room.botPostsContaining("The postmortem review is due").size(), room.name);
        assertEquals(
            1,
            room.botPostsContaining("this action item from the incident is still open").size(),
            room.name);
      }
    }
  }
}
