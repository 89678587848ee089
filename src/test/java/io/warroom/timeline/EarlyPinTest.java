package io.warroom.timeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micronaut.data.connection.ConnectionOperations;
import io.warroom.fakeslack.FakeSlack;
import io.warroom.room.WarRooms;
import io.warroom.support.Postgres;
import io.warroom.support.Room;
import io.warroom.support.TestApp;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Slack does not deliver events in order. A message event that failed is redelivered minutes later,
 * so a :pushpin: put on the message meanwhile arrives first. The pin must still make the message a
 * key event once the message is stored: on H2, and on PostgreSQL, which replicas share.
 */
class EarlyPinTest {

  @Test
  void onH2APushpinThatComesBeforeItsMessageCountsOnceTheMessageIsStored() {
    try (TestApp app = TestApp.start()) {
      pinBeforeMessage(app);
    }
  }

  @Test
  void onPostgresAPushpinThatComesBeforeItsMessageCountsOnceTheMessageIsStored() throws Exception {
    FakeSlack slack = FakeSlack.start(TestApp.BOT_TOKEN, TestApp.SIGNING_SECRET);
    try (TestApp app = TestApp.start(slack, Postgres.newDatabase(), Map.of())) {
      pinBeforeMessage(app);
    }
  }

  @Test
  void aPinAndItsRemovalThatBothComeFirstLeaveTheMessageUnmarked() {
    try (TestApp app = TestApp.start()) {
      FakeSlack slack = app.slack;
      String alice = slack.user("alice");
      long incident = declare(app, alice, "Pin taken back early");
      String room = roomOf(app, incident);
      slack.eventsEnabled(false);
      String ts = slack.post(alice, room, "maybe the load balancer?", null);
      slack.eventsEnabled(true);
      // Alice pins and unpins at once; the removal's event overtakes the pin's.
      assertEquals(
          200, slack.sendEvent(reactionEvent("reaction_removed", room, ts, alice)).status());
      assertEquals(200, slack.sendEvent(reactionEvent("reaction_added", room, ts, alice)).status());

      slack.sendEvent(
          TimelineCaptureTest.messageEvent(room, ts, alice, "maybe the load balancer?"));
      TestApp.await("the late message is stored", () -> entry(app, incident, ts).isPresent());
      TestApp.await("the early pins are used up", () -> earlyPins(app) == 0);

      TimelineEntry entry = entry(app, incident, ts).orElseThrow();
      assertFalse(entry.keyEvent(), "a pin and its removal cancel out");
      assertEquals(0, entry.pins());
    }
  }

  private static void pinBeforeMessage(TestApp app) {
    FakeSlack slack = app.slack;
    String alice = slack.user("alice");
    String bob = slack.user("bob");
    long incident = declare(app, alice, "Early pin");
    String room = roomOf(app, incident);
    slack.join(bob, room);
    slack.eventsEnabled(false); // the message's own event fails for now
    String ts = slack.post(bob, room, "FOUND IT: the cert expired at 02:59", null);
    slack.eventsEnabled(true);
    slack.react(alice, room, ts, "pushpin", true);
    slack.awaitEvents(Duration.ofSeconds(5));
    assertTrue(entry(app, incident, ts).isEmpty(), "no message to mark yet");

    // Slack's redelivery of the message, minutes later.
    slack.sendEvent(
        TimelineCaptureTest.messageEvent(room, ts, bob, "FOUND IT: the cert expired at 02:59"));

    TestApp.await(
        "the late message becomes a key event",
        () -> entry(app, incident, ts).map(TimelineEntry::keyEvent).orElse(false));
    Timeline timeline = app.bean(Timeline.class);
    assertTrue(timeline.keyEvents(incident).stream().anyMatch(e -> ts.equals(e.ts())));
    assertEquals(1, entry(app, incident, ts).orElseThrow().pins());
    TestApp.await("the early pin is used up", () -> earlyPins(app) == 0);
    // Taking the pin off now works as for any pinned message.
    slack.react(alice, room, ts, "pushpin", false);
    slack.awaitEvents(Duration.ofSeconds(5));
    TestApp.await(
        "no longer a key event", () -> !entry(app, incident, ts).orElseThrow().keyEvent());

    // A pin whose message never comes (Warroom's own posts are not stored) is kept three days.
    EarlyPinRepository early = app.bean(EarlyPinRepository.class);
    Instant now = Instant.now();
    early.remember(room, "1700000000.000100", 1, now.minus(Duration.ofDays(4)));
    early.remember(room, "1700000000.000200", 1, now.minus(Duration.ofDays(2)));
    app.bean(EarlyPinJanitor.class).forgetOldPins();
    assertEquals(1, earlyPins(app), "the 4-day-old pin is forgotten, the 2-day-old one kept");
  }

  private static long declare(TestApp app, String user, String title) {
    String general = app.slack.channel("general-" + title.length(), false, user, user);
    app.slack.app().command(user, general, "declare sev2 " + title);
    Room room = Room.awaitContaining(app.slack, title.toLowerCase().replace(' ', '-'));
    return app.bean(WarRooms.class).incidentIn(room.id).orElseThrow();
  }

  private static String roomOf(TestApp app, long incident) {
    return app.bean(WarRooms.class).channelOf(incident).orElseThrow();
  }

  private static Optional<TimelineEntry> entry(TestApp app, long incident, String ts) {
    return app.bean(Timeline.class).all(incident).stream()
        .filter(e -> ts.equals(e.ts()))
        .findFirst();
  }

  @SuppressWarnings("unchecked")
  private static int earlyPins(TestApp app) {
    ConnectionOperations<Connection> connections = app.bean(ConnectionOperations.class);
    return connections.executeRead(
        status -> {
          try (ResultSet rs =
              status
                  .getConnection()
                  .createStatement()
                  .executeQuery("SELECT COUNT(*) FROM early_pin")) {
            rs.next();
            return rs.getInt(1);
          } catch (SQLException e) {
            throw new IllegalStateException(e);
          }
        });
  }

  private static ObjectNode reactionEvent(String type, String channel, String ts, String user) {
    ObjectNode e = new ObjectMapper().createObjectNode();
    e.put("type", type);
    e.put("user", user);
    e.put("reaction", "pushpin");
    e.put("item_user", user);
    ObjectNode item = e.putObject("item");
    item.put("type", "message");
    item.put("channel", channel);
    item.put("ts", ts);
    e.put("event_ts", ts);
    return e;
  }
}
