package io.warroom.room.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

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
 * A replica keeps its lease on a room through a long step; one whose lease ran out all the same
 * (another replica has taken the room over) must stop posting, or both post the same queued
 * messages.
 */
class LeaseLostTest {

  /**
   * A post that takes longer than the lease (Slack hangs) must not let the other replica take the
   * room over meanwhile: it would post the same update, and then both would have posted it.
   */
  @Test
  void aStepLongerThanTheLeaseKeepsTheRoomSoNothingIsPostedTwice() {
    String db = TestApp.inMemoryDatabase(); // one database, two replicas in this JVM
    try (FakeSlack slack = FakeSlack.start(TestApp.BOT_TOKEN, TestApp.SIGNING_SECRET)) {
      String alice = slack.user("alice");
      String general = slack.channel("general", false, alice, alice);
      Map<String, Object> props =
          Map.of(
              "warroom.delivery.lease", "1s",
              "warroom.delivery.sweep", "50ms",
              "slack.http-timeout", "5s");
      TestApp a = TestApp.start(slack, db, props);
      TestApp b = TestApp.start(slack, db, props);
      try {
        slack.app().command(alice, general, "declare sev2 Slow post");
        Room room = Room.awaitContaining(slack, "slow-post");
        long id = a.bean(WarRooms.class).incidentIn(room.id).orElseThrow();
        WarRoomRepository rooms = a.bean(WarRoomRepository.class);
        TestApp.await("the room built", () -> rooms.countWork(id) == 0);

        // The next post takes 3 s: three times the lease, within the HTTP timeout.
        slack.faults().inject("chat.postMessage", 1, Fault.slow(Duration.ofSeconds(3)));
        long injected = System.nanoTime();
        slack.app().command(alice, room.id, "update Checkout down for EU cards");

        TestApp.await(
            "the update posted",
            () -> !room.botPostsContaining("*Impact:* Checkout down for EU cards").isEmpty());
        // Until the slow post has surely landed (4 s after it was sent): had the other replica
        // taken the room over meanwhile, it would have posted its own copy by then.
        TestApp.holds(
            "one copy of the update",
            Duration.ofMillis(Math.max(0, 4000 - (System.nanoTime() - injected) / 1_000_000)),
            () -> room.botPostsContaining("*Impact:* Checkout down for EU cards").size() == 1);
      } finally {
        a.stopApp();
        b.stopApp();
      }
    }
  }

  @Test
  void aPassThatHasLostItsRoomPostsNothingMore() throws InterruptedException {
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
      // Wait until the pass has given up (after its retries): it must not post in what follows.
      WarRoomRepository rooms = app.bean(WarRoomRepository.class);
      TestApp.await("the update refused", () -> rooms.findById(id).orElseThrow().failures() > 0);
      // From here on only this test's passes run: a kick queued meanwhile (every incident event
      // kicks) must not start one behind its back and post the update once Slack works again.
      app.bean(WarRoomSync.class).stop();
      slack.faults().clear();

      WarRoomPass pass = app.bean(WarRoomPass.class);
      TestApp.await(
          "the lease released", () -> rooms.findById(id).orElseThrow().leaseOwner() == null);
      // This pass's claim, then another replica's: the first pass has lost the room.
      assertEquals(1, rooms.claim(id, "replica-a:8080/1", 60_000));
      Lease lost =
          new Lease(rooms, id, rooms.generation(id, "replica-a:8080/1").orElseThrow(), 60_000);
      rooms.release(id, lost.generation());
      assertEquals(1, rooms.claim(id, "replica-b:8080/2", 60_000));
      Lease held =
          new Lease(rooms, id, rooms.generation(id, "replica-b:8080/2").orElseThrow(), 60_000);
      int before = slack.calls("chat.postMessage").size();
      assertThrows(Lease.Lost.class, () -> pass.run(id, lost));
      assertEquals(before, slack.calls("chat.postMessage").size(), "nothing posted");

      pass.run(id, held);
      assertEquals(1, room.botPostsContaining("*Impact:* Checkout down for EU cards").size());
    }
  }
}
