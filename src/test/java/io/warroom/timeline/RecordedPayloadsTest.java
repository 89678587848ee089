package io.warroom.timeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.warroom.fakeslack.AppLink;
import io.warroom.room.WarRooms;
import io.warroom.support.Room;
import io.warroom.support.TestApp;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Slack's own recorded event payloads (copied into src/test/resources/slack/), aimed at a war room
 * and sent signed to {@code /slack/events}: Warroom reads Slack's real shapes, not only the fake's.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RecordedPayloadsTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private TestApp app;
  private Timeline timeline;
  private Room room;
  private long incident;
  private String alice;

  @BeforeAll
  void start() {
    app = TestApp.start();
    timeline = app.bean(Timeline.class);
    alice = app.slack.user("alice");
    String general = app.slack.channel("general", false, alice, alice);
    app.slack.app().command(alice, general, "declare sev2 Recorded payloads");
    room = Room.awaitContaining(app.slack, "recorded-payloads");
    incident = app.bean(WarRooms.class).incidentIn(room.id).orElseThrow();
  }

  @AfterAll
  void stop() {
    app.close();
  }

  private static ObjectNode load(String resource) throws IOException {
    try (InputStream in = RecordedPayloadsTest.class.getResourceAsStream(resource)) {
      return (ObjectNode) JSON.readTree(in);
    }
  }

  /** Sends a recorded envelope, re-aimed: a fresh event id, our team and app. */
  private AppLink.Reply send(ObjectNode envelope) {
    envelope.put(
        "event_id",
        "Ev" + UUID.randomUUID().toString().replace("-", "").substring(0, 10).toUpperCase());
    envelope.put("team_id", "T0SANDBOX1");
    envelope.put("api_app_id", "A0WARROOM1");
    envelope.put("type", "event_callback");
    envelope.remove("authorizations");
    AppLink.Reply reply = app.slack.app().post(envelope.toString(), "application/json", Map.of());
    assertEquals(200, reply.status(), reply.body());
    return reply;
  }

  private Optional<TimelineEntry> entry(String ts) {
    return timeline.all(incident).stream().filter(e -> ts.equals(e.ts())).findFirst();
  }

  private static String ts(int n) {
    return (System.currentTimeMillis() / 1000) + "." + String.format("%06d", n);
  }

  @Test
  void boltsRecordedMessagePayloadsAreStored() throws IOException {
    for (String file :
        new String[] {"MessageTest__messagePayload.json", "EventTest__messagePayload.json"}) {
      ObjectNode envelope = load("/slack/bolt-test-payloads/" + file);
      ObjectNode event = (ObjectNode) envelope.get("event");
      String ts = ts(file.length());
      event.put("channel", room.id).put("ts", ts).put("user", alice).put("event_ts", ts);
      send(envelope);
      TimelineEntry entry = entry(ts).orElseThrow(() -> new AssertionError(file));
      assertEquals(event.get("text").asText(), entry.text());
      assertEquals(alice, entry.actor());
    }
  }

  @Test
  void recordedEditDeletionReactionJoinFileAndBotPayloadsWork() throws IOException {
    // A message to act on, in the recorded plain-message shape (a union sample: no bot fields).
    ObjectNode message = load("/slack/events/MessagePayload.json");
    ObjectNode m = (ObjectNode) message.get("event");
    String ts = ts(101);
    m.put("channel", room.id)
        .put("ts", ts)
        .put("user", alice)
        .put("text", "first words")
        .put("event_ts", ts);
    m.remove(
        java.util.List.of(
            "bot_id", "bot_profile", "thread_ts", "parent_user_id", "metadata", "subtype"));
    send(message);
    assertEquals("first words", entry(ts).orElseThrow().text());

    ObjectNode changed = load("/slack/events/MessageChangedPayload.json");
    ObjectNode c = (ObjectNode) changed.get("event");
    c.put("channel", room.id).put("event_ts", ts(102));
    ObjectNode newMessage = (ObjectNode) c.get("message");
    newMessage.put("ts", ts).put("user", alice).put("text", "better words");
    newMessage.remove(java.util.List.of("bot_id", "thread_ts", "subtype"));
    send(changed);
    assertEquals("better words", entry(ts).orElseThrow().text());
    assertTrue(entry(ts).orElseThrow().edited());

    ObjectNode reaction = load("/slack/events/ReactionAddedPayload.json");
    ObjectNode r = (ObjectNode) reaction.get("event");
    r.put("reaction", "pushpin").put("user", alice);
    ((ObjectNode) r.get("item")).put("type", "message").put("channel", room.id).put("ts", ts);
    send(reaction);
    assertTrue(entry(ts).orElseThrow().keyEvent());

    ObjectNode deleted = load("/slack/events/MessageDeletedPayload.json");
    ObjectNode d = (ObjectNode) deleted.get("event");
    d.put("channel", room.id).put("deleted_ts", ts).put("event_ts", ts(103));
    ((ObjectNode) d.get("previous_message")).put("user", alice).put("ts", ts).remove("bot_id");
    send(deleted);
    assertNull(entry(ts).orElseThrow().text());

    String bob = app.slack.user("bob");
    ObjectNode joined = load("/slack/events/MemberJoinedChannelPayload.json");
    ((ObjectNode) joined.get("event"))
        .put("channel", room.id)
        .put("user", bob)
        .put("event_ts", ts(104));
    send(joined);
    assertTrue(timeline.participants(incident).stream().anyMatch(p -> p.userId().equals(bob)));

    ObjectNode file = load("/slack/events/MessageFileSharePayload.json");
    ObjectNode f = (ObjectNode) file.get("event");
    String fileTs = ts(105);
    f.put("channel", room.id).put("ts", fileTs).put("user", alice).put("text", "graph attached");
    f.remove(java.util.List.of("thread_ts", "parent_user_id"));
    ArrayNode files = (ArrayNode) f.get("files");
    ((ObjectNode) files.get(0))
        .put("name", "latency.png")
        .put("permalink", "https://example.slack.com/files/U1/F1/latency.png");
    send(file);
    assertTrue(entry(fileTs).orElseThrow().data().contains("latency.png"));

    ObjectNode bot = load("/slack/events/MessageBotPayload.json");
    ObjectNode b = (ObjectNode) bot.get("event");
    String botTs = ts(106);
    b.put("channel", room.id)
        .put("ts", botTs)
        .put("bot_id", "B0DATADOG1")
        .put("username", "Datadog")
        .put("text", "Monitor recovered");
    b.remove("thread_ts");
    send(bot);
    TimelineEntry alert = entry(botTs).orElseThrow();
    assertEquals("B0DATADOG1", alert.actor());
    assertTrue(alert.data().contains("Datadog"));
  }
}
