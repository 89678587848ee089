package io.warroom.room.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.warroom.fakeslack.FakeSlack;
import io.warroom.fakeslack.Faults.Fault;
import io.warroom.room.WarRoomRepository;
import io.warroom.room.WarRooms;
import io.warroom.support.Room;
import io.warroom.support.TestApp;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * Leases as production meets them: a node name as long as DNS allows, replicas whose clocks
 * disagree, and a holder that stops (a long GC, a frozen VM) past its lease just before it creates
 * something in Slack. Each time the war room gets one channel and every post appears once.
 */
class ProductionLeaseTest {

  /** 253 characters: the longest name DNS allows. A Kubernetes pod's name alone did not fit. */
  private static final String LONG_NODE =
      "warroom-deployment-7f9c6d5b8-x2kqp"
          + ".n".repeat(100)
          + ".warroom.svc.cluster.local".substring(0, 253 - 34 - 200);

  @Test
  void aNodeNameOf253CharactersStillBuildsTheWarRoom() {
    assertEquals(253, LONG_NODE.length());
    try (TestApp app = TestApp.start(Map.of("warroom.delivery.node", LONG_NODE))) {
      FakeSlack slack = app.slack;
      String alice = slack.user("alice");
      String general = slack.channel("general", false, alice, alice);
      slack.app().command(alice, general, "declare sev2 Pod names are long");
      Room room = Room.awaitContaining(slack, "pod-names-are-long");
      assertTrue(room.members().contains(alice));
    }
  }

  /**
   * Replica A's clock is 90 s behind B's (and the database's). Had A computed its lease from its
   * own clock, B would see it as run out the moment A took it, and post the same update again while
   * A's slow post was still on its way.
   */
  @Test
  void twoReplicasWhoseClocksDiffer90SecondsPostAnUpdateOnce() {
    String db = TestApp.inMemoryDatabase();
    try (FakeSlack slack = FakeSlack.start(TestApp.BOT_TOKEN, TestApp.SIGNING_SECRET)) {
      String alice = slack.user("alice");
      String general = slack.channel("general", false, alice, alice);
      Map<String, Object> patient = Map.of("slack.http-timeout", "15s");
      TestApp a = TestApp.start(slack, db, with(patient, "test.clock-skew-seconds", -90));
      TestApp b = null;
      try {
        long behind = Duration.between(a.bean(Clock.class).instant(), Instant.now()).toSeconds();
        assertTrue(behind >= 89 && behind <= 91, "A's clock is behind by " + behind + " s");
        slack.app().command(alice, general, "declare sev2 Skewed clocks");
        Room room = Room.awaitContaining(slack, "skewed-clocks");
        long id = a.bean(WarRooms.class).incidentIn(room.id).orElseThrow();
        TestApp.await("the room built", () -> a.bean(WarRoomRepository.class).countWork(id) == 0);

        // A holds the room while its post is on its way; B starts meanwhile and, at once, looks
        // for rooms with work that nobody holds.
        slack.faults().inject("chat.postMessage", 1, Fault.slow(Duration.ofSeconds(8)));
        long sent = System.currentTimeMillis();
        slack.app().command(alice, room.id, "update Checkout down for EU cards");
        TestApp.await("A's post underway", () -> slack.faults().pending("chat.postMessage") == 0);
        long bStarts = System.currentTimeMillis();
        b = TestApp.start(slack, db, patient);

        String update = "*Impact:* Checkout down for EU cards";
        TestApp.await(
            "the update posted",
            Duration.ofSeconds(20),
            () -> !room.botPostsContaining(update).isEmpty());
        // Arrival and the poll that saw the fault taken can fall in the same millisecond.
        TestApp.await(
            "A's slow post answered",
            Duration.ofSeconds(20),
            () ->
                slack.calls("chat.postMessage").stream()
                    .anyMatch(c -> c.atMillis() >= sent && c.atMillis() <= bStarts));
        TestApp.await(
            "all delivered",
            Duration.ofSeconds(20),
            () -> a.bean(WarRoomRepository.class).countWork(id) == 0);
        assertEquals(1, room.botPostsContaining(update).size(), "posted once");
      } finally {
        a.stopApp();
        if (b != null) {
          b.stopApp();
        }
      }
    }
  }

  private static Map<String, Object> with(Map<String, Object> base, String key, Object value) {
    Map<String, Object> props = new java.util.HashMap<>(base);
    props.put(key, value);
    return props;
  }

  /**
   * The first create fails, so the retry first looks for a channel its lost answer may have made
   * (conversations.list). That look's answer arrives late while the replica stands still past its
   * lease; the other replica takes the room over and creates the channel. The first must not then
   * create a {@code -2}.
   */
  @Test
  void aHolderPausedPastItsLeaseBeforeConversationsCreateMakesNoSecondChannel() {
    String db = TestApp.inMemoryDatabase();
    try (FakeSlack slack = FakeSlack.start(TestApp.BOT_TOKEN, TestApp.SIGNING_SECRET)) {
      String alice = slack.user("alice");
      String general = slack.channel("general", false, alice, alice);
      // Patient enough that the late answer is waited for, not retried.
      Map<String, Object> patient = Map.of("slack.http-timeout", "15s");
      TestApp b = TestApp.start(slack, db, patient);
      TestApp a = TestApp.start(slack, db, patient);
      try {
        slack.faults().inject("conversations.create", 1, Fault.serverError());
        slack.faults().inject("conversations.list", 1, Fault.late(Duration.ofSeconds(4)));
        slack.app().command(alice, general, "declare sev2 Paused before create");
        TestApp.await(
            "the retry's look for its channel to hang",
            () -> slack.faults().pending("conversations.list") == 0);
        long id = a.bean(WarRoomRepository.class).findAll().iterator().next().incidentId();
        expireLease(a, id);

        Room room = Room.awaitContaining(slack, "paused-before-create");
        long hungSince = System.nanoTime();
        TestApp.await(
            "the paused replica to wake and give up",
            Duration.ofSeconds(15),
            () ->
                System.nanoTime() - hungSince > Duration.ofSeconds(5).toNanos()
                    && a.bean(WarRoomRepository.class).countWork(id) == 0);
        assertEquals(
            1,
            slack.channelNames().stream().filter(n -> n.contains("paused-before-create")).count(),
            "one channel: " + slack.channelNames());
        assertEquals(
            1,
            room.botMessages().stream()
                .filter(m -> m.text().contains("exploration thread"))
                .count());
      } finally {
        a.stopApp();
        b.stopApp();
      }
    }
  }

  /**
   * A status update whose first post failed: the retry first looks for it in the channel
   * (conversations.history). That look's answer arrives late while the replica stands still past
   * its lease; the other replica takes the room over and posts the update. The first must not post
   * it again.
   */
  @Test
  void aHolderPausedPastItsLeaseBeforeChatPostMessagePostsNothingTwice() {
    String db = TestApp.inMemoryDatabase();
    try (FakeSlack slack = FakeSlack.start(TestApp.BOT_TOKEN, TestApp.SIGNING_SECRET)) {
      String alice = slack.user("alice");
      String general = slack.channel("general", false, alice, alice);
      // Patient enough that the late answer is waited for, not retried.
      Map<String, Object> patient = Map.of("slack.http-timeout", "15s");
      TestApp b = TestApp.start(slack, db, patient);
      TestApp a = TestApp.start(slack, db, patient);
      try {
        slack.app().command(alice, general, "declare sev2 Paused before post");
        Room room = Room.awaitContaining(slack, "paused-before-post");
        long id = a.bean(WarRooms.class).incidentIn(room.id).orElseThrow();
        TestApp.await("the room built", () -> a.bean(WarRoomRepository.class).countWork(id) == 0);

        slack.faults().inject("chat.postMessage", 1, Fault.serverError());
        slack.faults().inject("conversations.history", 1, Fault.late(Duration.ofSeconds(4)));
        slack.app().command(alice, room.id, "update Checkout down for EU cards");
        TestApp.await(
            "the retry's look for its post to hang",
            () -> slack.faults().pending("conversations.history") == 0);
        expireLease(a, id);

        String update = "*Impact:* Checkout down for EU cards";
        TestApp.await("the update posted", () -> !room.botPostsContaining(update).isEmpty());
        long hungSince = System.nanoTime();
        TestApp.await(
            "the paused replica to wake",
            Duration.ofSeconds(15),
            () -> System.nanoTime() - hungSince > Duration.ofSeconds(5).toNanos());
        assertEquals(1, room.botPostsContaining(update).size(), "posted once");
      } finally {
        a.stopApp();
        b.stopApp();
      }
    }
  }

  /**
   * What the database sees of a holder that stands still: its lease runs out and is not renewed.
   * (The renewal every third of the lease would not come for another 20 s.)
   */
  private static void expireLease(TestApp app, long incidentId) {
    DataSource ds = DelegatingDataSource.unwrapDataSource(app.bean(DataSource.class));
    try (Connection c = ds.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "UPDATE war_room SET lease_until = ? WHERE incident_id = ? AND lease_owner IS NOT NULL")) {
      s.setTimestamp(1, Timestamp.from(Instant.now().minusSeconds(120)));
      s.setLong(2, incidentId);
      assertEquals(1, s.executeUpdate(), "a replica holds the room");
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
