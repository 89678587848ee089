package io.warroom.warroom;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.warroom.sandbox.FakeSlack;
import io.warroom.sandbox.Faults.Fault;
import io.warroom.support.Room;
import io.warroom.support.TestApp;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A replica whose lease on a room ran out during a long step (another replica has taken the room
 * over) must stop posting, or both post the same queued messages.
 */
class LeaseLostTest {

  @Test
  void aPassThatHasLostItsRoomPostsNothingMore() {
    // Background retries wait a minute, so only the passes this test runs post.
    try (TestApp app =
        TestApp.start(
            Map.of("warroom.delivery.first-backoff", "60s", "warroom.delivery.sweep", "60s"))) {
      FakeSlack slack = app.slack;
      String alice = slack.user("alice");
      String general = slack.channel("general", false, alice, alice);
      slack.app().command(alice, general, "declare sev2 Lease handover");
      Room room = Room.awaitContaining(slack, "lease-handover");
      long id = app.bean(WarRooms.class).incidentIn(room.id).orElseThrow();
      TestApp.await("card", () -> !room.botPostsContaining("Lease handover").isEmpty());

      slack.faults().always("chat.postMessage", Fault.serverError());
      slack.app().command(alice, room.id, "update Checkout down for EU cards");
      TestApp.await(
          "the update refused once",
          () -> slack.calls("chat.postMessage").stream().anyMatch(c -> c.status() == 500));
      slack.faults().clear();

      WarRoomPass pass = app.bean(WarRoomPass.class);
      int before = slack.calls("chat.postMessage").size();
      pass.run(id, () -> false);
      assertEquals(before, slack.calls("chat.postMessage").size(), "nothing posted");

      pass.run(id, () -> true);
      assertEquals(1, room.botPostsContaining("*Impact:* Checkout down for EU cards").size());
    }
  }
}
