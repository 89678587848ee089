package io.warroom.room.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.warroom.fakeslack.FakeSlack;
import io.warroom.fakeslack.Faults.Fault;
import io.warroom.support.Room;
import io.warroom.support.TestApp;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The delivery sweep in its two kinds: the frequent one, which reads only the rooms whose back-off
 * has passed, and the full one, which reads every room and finds work whose wake-up was lost.
 */
class WarRoomSweepTest {

  /** With the full sweep an hour away, only the frequent one can retry a failed step. */
  @Test
  void aFailedStepIsRetriedByTheFrequentSweep() {
    try (TestApp app =
        start(
            Map.of(
                "warroom.delivery.full-sweep", "1h", "warroom.delivery.first-backoff", "300ms"))) {
      FakeSlack slack = app.slack;
      slack.faults().inject("conversations.create", 1, Fault.serverError());

      declare(app, "declare sev2 Retry by sweep");

      Room room = Room.awaitContaining(slack, "retry-by-sweep");
      TestApp.await("the card", () -> !room.botMessages().isEmpty());
      assertEquals(
          1, slack.channelNames().stream().filter(n -> n.contains("retry-by-sweep")).count());
    }
  }

  /**
   * A change committed by a replica that died before waking its delivery (here: written straight to
   * the database) is found by the next full sweep, and the topic catches up.
   */
  @Test
  void aChangeWhoseWakeUpWasLostIsFoundByTheFullSweep() throws Exception {
    try (TestApp app =
        start(Map.of("warroom.delivery.sweep", "100ms", "warroom.delivery.full-sweep", "1s"))) {
      FakeSlack slack = app.slack;
      declare(app, "declare sev3 Lost wake-up");
      Room room = Room.awaitContaining(slack, "lost-wake-up");
      TestApp.await("the topic", () -> room.topic().contains("SEV3"));

      try (Connection db = DriverManager.getConnection(app.jdbcUrl, "sa", "");
          PreparedStatement change =
              db.prepareStatement(
                  "UPDATE incident SET severity = 'SEV1', revision = revision + 1"
                      + " WHERE title = 'Lost wake-up'")) {
        assertEquals(1, change.executeUpdate());
      }

      TestApp.await(
          "the topic to catch up", Duration.ofSeconds(10), () -> room.topic().contains("SEV1"));
      assertTrue(room.topic().contains("SEV1"), room.topic());
    }
  }

  private static TestApp start(Map<String, Object> settings) {
    FakeSlack slack = FakeSlack.start(TestApp.BOT_TOKEN, TestApp.SIGNING_SECRET);
    return TestApp.start(slack, TestApp.inMemoryDatabase(), settings);
  }

  /** Alice types the command in #general. */
  private static void declare(TestApp app, String command) {
    String alice = app.slack.user("alice");
    String general = app.slack.channel("general", false, alice, alice);
    app.slack.app().command(alice, general, command);
  }
}
