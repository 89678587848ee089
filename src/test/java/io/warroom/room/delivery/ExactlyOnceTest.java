package io.warroom.room.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.warroom.fakeslack.FakeSlack;
import io.warroom.fakeslack.Faults.Fault;
import io.warroom.room.WarRoomRepository;
import io.warroom.room.WarRooms;
import io.warroom.support.Room;
import io.warroom.support.TestApp;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A post whose answer was lost is looked for before it is tried again: the look must reach back to
 * the first try however busy the channel was meanwhile, and must not take another installation's
 * post for ours.
 */
class ExactlyOnceTest {

  @Test
  void aLostAnswerFollowedBy250MessagesIsStillFoundAndNotPostedAgain() {
    // The retry waits 5 s: time for the channel to fill up first.
    try (TestApp app = TestApp.start(Map.of("warroom.delivery.first-backoff", "5s"))) {
      FakeSlack slack = app.slack;
      String alice = slack.user("alice");
      String general = slack.channel("general", false, alice, alice);
      slack.app().command(alice, general, "declare sev2 Busy room");
      Room room = Room.awaitContaining(slack, "busy-room");
      long id = app.bean(WarRooms.class).incidentIn(room.id).orElseThrow();
      WarRoomRepository rooms = app.bean(WarRoomRepository.class);
      TestApp.await("the room built", () -> rooms.countWork(id) == 0);

      // Slack posts the update, but its answer is lost.
      slack.faults().inject("chat.postMessage", 1, Fault.serverErrorAfter());
      slack.app().command(alice, room.id, "update Checkout down for EU cards");
      TestApp.await("the lost answer", () -> rooms.findById(id).orElseThrow().failures() > 0);
      slack.eventsEnabled(false); // Warroom need not hear them; only the history matters
      for (int i = 1; i <= 250; i++) {
        slack.post(alice, room.id, "status check " + i, null);
      }
      slack.eventsEnabled(true);

      TestApp.await("the retry", Duration.ofSeconds(20), () -> rooms.countWork(id) == 0);
      assertEquals(1, room.botPostsContaining("*Impact:* Checkout down for EU cards").size());
    }
  }

  /**
   * A staging Warroom announces its incidents in the same #status channel as production, and its
   * outbox numbers are its own: its announcement carries the same entry number as production's.
   * Production's announcement, whose first try failed, must still be posted.
   */
  @Test
  void anotherInstallationsPostWithTheSameEntryNumberIsNotTakenForOurs() {
    try (FakeSlack slack = FakeSlack.start(TestApp.BOT_TOKEN, TestApp.SIGNING_SECRET)) {
      String alice = slack.user("alice");
      String general = slack.channel("general", false, alice, alice);
      String status = slack.channel("status", false, alice, alice);
      Map<String, Object> props = Map.of("warroom.announce-channel", status);
      TestApp staging = TestApp.start(slack, TestApp.inMemoryDatabase(), props);
      try {
        slack.app().command(alice, general, "declare sev3 Staging drill");
        Room drill = Room.awaitContaining(slack, "staging-drill");
        TestApp.await("staging's announcement", () -> announcements(slack, status, drill.id) == 1);
      } finally {
        staging.stopApp();
      }

      try (TestApp production = TestApp.start(slack, TestApp.inMemoryDatabase(), props)) {
        // Production's first try at its announcement fails before Slack posts anything.
        slack.faults().inject("chat.postMessage#" + status, 1, Fault.serverError());
        slack.app().command(alice, general, "declare sev1 Production outage");
        Room room = Room.awaitContaining(slack, "production-outage");
        TestApp.await(
            "production's announcement",
            Duration.ofSeconds(15),
            () -> announcements(slack, status, room.id) == 1);
        assertTrue(slack.calls("chat.postMessage").stream().anyMatch(c -> c.status() == 500));
      }
    }
  }

  private static long announcements(FakeSlack slack, String channel, String roomId) {
    return slack.messages(channel).stream()
        .filter(m -> m.byBot() && m.allText().contains("<#" + roomId + ">"))
        .count();
  }
}
