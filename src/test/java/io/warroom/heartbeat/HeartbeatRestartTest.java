package io.warroom.heartbeat;

import io.warroom.fakeslack.FakeSlack;
import io.warroom.support.Room;
import io.warroom.support.TestApp;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Due times live in the database: reminders resume after a restart, without a burst. */
class HeartbeatRestartTest {

  @Test
  void remindersResumeAfterARestart() throws Exception {
    Path dir = Files.createTempDirectory("warroom-heartbeat");
    String db =
        "jdbc:h2:file:"
            + dir.resolve("warroom")
            + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE";
    Map<String, Object> props =
        Map.of("warroom.heartbeat.sev1", "3s", "warroom.scheduler-tick", "200ms");
    try (FakeSlack slack = FakeSlack.start(TestApp.BOT_TOKEN, TestApp.SIGNING_SECRET)) {
      String alice = slack.user("alice");
      String general = slack.channel("general", false, alice, alice);
      TestApp first = TestApp.start(slack, db, props);
      slack.app().command(alice, general, "declare sev1 Restart heartbeat");
      Room room = Room.awaitContaining(slack, "restart-heartbeat");
      first.stopApp();

      Thread.sleep(7000); // time passes on purpose: two due times while no Warroom runs
      TestApp second = TestApp.start(slack, db, props);
      try {
        TestApp.await("reminder after restart", Duration.ofSeconds(3), () -> reminders(room) == 1);
        TestApp.holds(
            "one reminder for the missed time, not a burst",
            Duration.ofMillis(1500),
            () -> reminders(room) == 1);
        TestApp.await("the cadence goes on", Duration.ofSeconds(5), () -> reminders(room) == 2);
      } finally {
        second.stopApp();
      }
    }
  }

  private static long reminders(Room room) {
    return room.botMessages().stream().filter(m -> m.text().equals("Status update due")).count();
  }
}
