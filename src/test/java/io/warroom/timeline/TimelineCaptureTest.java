package io.warroom.timeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.warroom.fakeslack.AppLink;
import io.warroom.fakeslack.FakeSlack;
import io.warroom.fakeslack.Faults.Fault;
import io.warroom.support.Room;
import io.warroom.support.TestApp;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * What people do in a war room reaches the timeline through signed Events API callbacks, exactly
 * once, and stays true when they edit or delete.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TimelineCaptureTest {

  private TestApp app;
  private FakeSlack slack;
  private Timeline timeline;
  private String alice;
  private String bob;
  private String general;

  @BeforeAll
  void start() {
    app = TestApp.start();
    slack = app.slack;
    timeline = app.bean(Timeline.class);
    alice = slack.user("alice");
    bob = slack.user("bob");
    general = slack.channel("general", false, alice, alice, bob);
  }

  @AfterAll
  void stop() {
    app.close();
  }

  private record Incident(long id, Room room) {}

  private Incident declare(String title) {
    slack.app().command(alice, general, "declare sev2 " + title);
    Room room = Room.awaitContaining(slack, title.toLowerCase().replace(' ', '-'));
    long id = app.bean(io.warroom.room.WarRooms.class).incidentIn(room.id).orElseThrow();
    slack.join(bob, room.id);
    return new Incident(id, room);
  }

  private Optional<TimelineEntry> entry(long incident, String ts) {
    return timeline.all(incident).stream().filter(e -> ts.equals(e.ts())).findFirst();
  }

  private TimelineEntry awaitEntry(long incident, String ts) {
    slack.awaitEvents(Duration.ofSeconds(5));
    TestApp.await("entry " + ts, () -> entry(incident, ts).isPresent());
    return entry(incident, ts).orElseThrow();
  }

  @Test
  void messagesAndRepliesAreStoredWithAuthorTsAndThread() {
    Incident i = declare("Capture basics");
    String ts = slack.post(alice, i.room().id, "checking the load balancer", null);
    String reply = slack.post(alice, i.room().id, "LB looks fine", ts);
    TimelineEntry message = awaitEntry(i.id(), ts);
    assertEquals(EntryKind.MESSAGE, message.kind());
    assertEquals(alice, message.actor());
    assertEquals("checking the load balancer", message.text());
    assertNull(message.threadTs());
    TimelineEntry threaded = awaitEntry(i.id(), reply);
    assertEquals(ts, threaded.threadTs());
    assertFalse(threaded.exploration(), "a reply to another message is not the exploration thread");
  }

  @Test
  void repliesInTheExplorationThreadAreMarkedExploration() {
    Incident i = declare("Exploration capture");
    String thread = i.room().thread().orElseThrow().ts();
    String reply = slack.post(alice, i.room().id, "hypothesis: connection pool exhausted", thread);
    TimelineEntry entry = awaitEntry(i.id(), reply);
    assertEquals(thread, entry.threadTs());
    // Marked at once, or once Warroom has the thread's ts if the reply came first.
    TestApp.await("marked exploration", () -> entry(i.id(), reply).orElseThrow().exploration());
  }

  /**
   * A responder answers in the exploration thread the moment it appears, before Slack's answer to
   * Warroom's post (with the thread's ts) has come back: the reply still counts as exploration.
   */
  @Test
  void aReplyBeforeTheThreadIsRecordedIsStillExploration() {
    app.awaitSettled();
    // The card's and the thread's posts land in Slack at once; their answers come back late.
    slack.faults().inject("chat.postMessage", 2, Fault.late(Duration.ofMillis(1500)));
    slack.app().command(alice, general, "declare sev2 Quick responder");
    Room room = Room.awaitContaining(slack, "quick-responder");
    TestApp.await("the thread shown", () -> room.thread().isPresent());
    String thread = room.thread().orElseThrow().ts();
    String reply = slack.post(alice, room.id, "checking the connection pool", thread);
    long id = app.bean(io.warroom.room.WarRooms.class).incidentIn(room.id).orElseThrow();
    TimelineEntry entry = awaitEntry(id, reply);
    assertEquals(thread, entry.threadTs());
    TestApp.await("marked exploration", () -> entry(id, reply).orElseThrow().exploration());
  }

  @Test
  void anEditShowsTheNewTextAndADeletionForgetsTheWords() {
    Incident i = declare("Edit and delete");
    String ts = slack.post(alice, i.room().id, "root cause is the dns", null);
    awaitEntry(i.id(), ts);
    slack.edit(alice, i.room().id, ts, "root cause is the DNS resolver cache");
    slack.awaitEvents(Duration.ofSeconds(5));
    TestApp.await("edited", () -> entry(i.id(), ts).orElseThrow().edited());
    assertEquals("root cause is the DNS resolver cache", entry(i.id(), ts).orElseThrow().text());

    String secret = slack.post(bob, i.room().id, "oops: password=hunter2", null);
    awaitEntry(i.id(), secret);
    slack.delete(i.room().id, secret);
    slack.awaitEvents(Duration.ofSeconds(5));
    TestApp.await("deleted", () -> entry(i.id(), secret).orElseThrow().deleted());
    TimelineEntry gone = entry(i.id(), secret).orElseThrow();
    assertNull(gone.text());
    assertTrue(
        timeline.all(i.id()).stream()
            .noneMatch(e -> e.text() != null && e.text().contains("hunter2")));
  }

  /**
   * Slack does not deliver events in order: a message whose event failed comes again minutes later,
   * after its deletion. The deleted words must not enter the timeline then.
   */
  @Test
  void aDeletionThatComesBeforeItsMessageKeepsTheWordsOut() {
    Incident i = declare("Early deletion");
    slack.eventsEnabled(false); // the message's own event is lost for now
    String secret = slack.post(bob, i.room().id, "db creds: password=swordfish", null);
    slack.eventsEnabled(true);
    slack.delete(i.room().id, secret);
    TimelineEntry tombstone = awaitEntry(i.id(), secret);
    assertTrue(tombstone.deleted());
    assertEquals(bob, tombstone.actor(), "who said something is kept");

    AppLink.Reply late =
        slack.sendEvent(messageEvent(i.room().id, secret, bob, "db creds: password=swordfish"));

    assertEquals(200, late.status());
    assertEquals(1, timeline.all(i.id()).stream().filter(e -> secret.equals(e.ts())).count());
    assertTrue(entry(i.id(), secret).orElseThrow().deleted());
    assertTrue(
        timeline.all(i.id()).stream()
            .noneMatch(e -> e.text() != null && e.text().contains("swordfish")));
  }

  @Test
  void anEditThatComesBeforeItsMessageIsStoredAndTheLateOriginalChangesNothing() {
    Incident i = declare("Early edit");
    slack.eventsEnabled(false);
    String ts = slack.post(alice, i.room().id, "dns looks fine", null);
    slack.eventsEnabled(true);
    slack.edit(alice, i.room().id, ts, "dns is NOT fine: resolver cache poisoned");
    TimelineEntry edited = awaitEntry(i.id(), ts);
    assertEquals("dns is NOT fine: resolver cache poisoned", edited.text());
    assertTrue(edited.edited());
    assertEquals(alice, edited.actor());

    slack.sendEvent(messageEvent(i.room().id, ts, alice, "dns looks fine"));

    assertEquals(
        "dns is NOT fine: resolver cache poisoned", entry(i.id(), ts).orElseThrow().text());
  }

  @Test
  void theSameEventDeliveredFourTimesIsStoredOnce() {
    Incident i = declare("Redelivered event");
    slack.eventsEnabled(false);
    String ts = slack.post(alice, i.room().id, "deploy 4521 rolled back", null);
    slack.eventsEnabled(true);
    ObjectNode event =
        slack.workspace() == null
            ? null
            : messageEvent(i.room().id, ts, alice, "deploy 4521 rolled back");
    String body = envelope(event, "Ev0REDELIVER1");
    for (int retry = 0; retry < 4; retry++) {
      Map<String, String> headers =
          retry == 0
              ? Map.of()
              : Map.of(
                  "X-Slack-Retry-Num",
                  String.valueOf(retry),
                  "X-Slack-Retry-Reason",
                  "http_timeout");
      AppLink.Reply reply = slack.app().post(body, "application/json", headers);
      assertEquals(200, reply.status());
    }
    assertEquals(1, timeline.all(i.id()).stream().filter(e -> ts.equals(e.ts())).count());
    // Also a different event id for the same message (another replica's copy, a resend) stays one.
    slack.app().post(envelope(event, "Ev0OTHERCOPY"), "application/json", Map.of());
    assertEquals(1, timeline.all(i.id()).stream().filter(e -> ts.equals(e.ts())).count());
  }

  @Test
  void aPushpinMakesAKeyEventAndTakingItOffUndoesIt() {
    Incident i = declare("Pinned finding");
    String ts =
        slack.post(bob, i.room().id, "FOUND IT: config push at 03:02 halved the pool", null);
    awaitEntry(i.id(), ts);
    slack.react(alice, i.room().id, ts, "eyes", true);
    slack.react(alice, i.room().id, ts, "pushpin", true);
    slack.awaitEvents(Duration.ofSeconds(5));
    TestApp.await("key event", () -> entry(i.id(), ts).orElseThrow().keyEvent());
    assertTrue(timeline.keyEvents(i.id()).stream().anyMatch(e -> ts.equals(e.ts())));
    slack.react(bob, i.room().id, ts, "pushpin", true);
    slack.react(alice, i.room().id, ts, "pushpin", false);
    slack.awaitEvents(Duration.ofSeconds(5));
    assertTrue(entry(i.id(), ts).orElseThrow().keyEvent(), "bob's pin still holds");
    slack.react(bob, i.room().id, ts, "pushpin", false);
    slack.awaitEvents(Duration.ofSeconds(5));
    TestApp.await("no longer key", () -> !entry(i.id(), ts).orElseThrow().keyEvent());
  }

  @Test
  void filesOtherAppsAndJoinersAreRecordedButWarroomsOwnPostsAreNot() {
    Incident i = declare("Mixed capture");
    String carol = slack.user("carol");
    slack.join(carol, i.room().id);
    String alert =
        slack.postAsOtherBot(i.room().id, "B0PAGERDUTY", "PagerDuty", "Alert: 5xx rate above 20%");
    String shared =
        slack.postFile(alice, i.room().id, "grafana.png", "Error rate graph", "the spike");
    slack.awaitEvents(Duration.ofSeconds(5));
    TimelineEntry bot = awaitEntry(i.id(), alert);
    assertEquals("B0PAGERDUTY", bot.actor());
    assertTrue(bot.data().contains("PagerDuty"), bot.data());
    TimelineEntry file = awaitEntry(i.id(), shared);
    assertTrue(
        file.data().contains("grafana.png") && file.data().contains("\"link\""), file.data());
    TestApp.await(
        "carol joined",
        () -> timeline.participants(i.id()).stream().anyMatch(p -> p.userId().equals(carol)));
    assertTrue(
        timeline.all(i.id()).stream()
            .anyMatch(e -> e.kind() == EntryKind.JOINED && carol.equals(e.actor())));
    List<String> botTs = i.room().botMessages().stream().map(m -> m.ts()).toList();
    assertTrue(
        timeline.all(i.id()).stream().noneMatch(e -> e.ts() != null && botTs.contains(e.ts())),
        "Warroom's own posts are not messages in the timeline");
  }

  @Test
  void warroomsOwnActionsAreTimelineEventsWithActorAndValues() {
    Incident i = declare("Bot events");
    slack.app().command(alice, i.room().id, "ic @bob");
    slack.app().command(bob, i.room().id, "ic me");
    slack.app().command(bob, i.room().id, "ic @alice");
    List<TimelineEntry> all = timeline.all(i.id());
    TimelineEntry declared = all.get(0);
    assertEquals(EntryKind.DECLARED, declared.kind());
    assertEquals(alice, declared.actor());
    assertTrue(declared.keyEvent());
    TimelineEntry handover =
        all.stream()
            .filter(e -> e.kind() == EntryKind.ROLE_ASSIGNED)
            .reduce((a, b) -> b)
            .orElseThrow();
    assertEquals(bob, handover.actor());
    assertTrue(
        handover.data().contains("\"from\":\"" + bob + "\"")
            && handover.data().contains("\"to\":\"" + alice + "\""),
        handover.data());
  }

  @Test
  void aNoteIsAKeyEventEchoedInTheRoom() {
    Incident i = declare("Noted incident");
    AppLink.Reply reply =
        slack.app().command(bob, i.room().id, "note Rolled back <!channel> deploy 4521");
    assertTrue(reply.text().contains("Noted"), reply.text());
    TimelineEntry note =
        timeline.keyEvents(i.id()).stream()
            .filter(e -> e.kind() == EntryKind.NOTE)
            .findFirst()
            .orElseThrow();
    assertEquals(bob, note.actor());
    assertEquals("Rolled back &lt;!channel&gt; deploy 4521", note.text());
    TestApp.await(
        "echo",
        () ->
            !i.room()
                .botPostsContaining("Key event noted:* Rolled back &lt;!channel&gt; deploy 4521")
                .isEmpty());
    assertTrue(slack.app().command(bob, i.room().id, "note").text().contains("Add the text"));
  }

  @Test
  void theTimelineCommandSummarisesKeyEventsInUtcAndSaysWhatItLeftOut() {
    Incident i = declare("Long incident");
    for (int n = 1; n <= 75; n++) {
      slack.app().command(alice, i.room().id, "note step " + n);
    }
    AppLink.Reply reply = slack.app().command(alice, i.room().id, "timeline");
    String body = reply.body();
    assertTrue(body.contains("Key events (76)"), body);
    assertTrue(body.contains("16 earlier key events are not shown"), body);
    assertTrue(body.contains("/api/incidents/" + i.id() + "/timeline"), body);
    assertTrue(body.matches("(?s).*`20\\d\\d-\\d\\d-\\d\\d \\d\\d:\\d\\d`.*"), "dates in UTC");
    assertTrue(body.contains("step 75") && !body.contains("step 15 "), body);
    int blocks = body.split("\"type\":\"section\"", -1).length - 1;
    assertTrue(blocks <= 50, blocks + " blocks");
    assertTrue(
        slack
            .app()
            .command(alice, general, "timeline")
            .text()
            .contains("in an incident's channel"));
  }

  /** A plain message event, as Slack sends it for a channel message. */
  static ObjectNode messageEvent(String channel, String ts, String user, String text) {
    ObjectNode e = new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode();
    e.put("type", "message");
    e.put("channel", channel);
    e.put("user", user);
    e.put("text", text);
    e.put("ts", ts);
    e.put("event_ts", ts);
    e.put("channel_type", "channel");
    return e;
  }

  private String envelope(ObjectNode event, String eventId) {
    ObjectNode envelope = new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode();
    envelope.put("token", "sandbox-verification-token");
    envelope.put("team_id", "T0SANDBOX1");
    envelope.put("api_app_id", "A0WARROOM1");
    envelope.set("event", event);
    envelope.put("type", "event_callback");
    envelope.put("event_id", eventId);
    envelope.put("event_time", System.currentTimeMillis() / 1000);
    return envelope.toString();
  }
}
