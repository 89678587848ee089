package io.warroom.stakeholder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.warroom.chat.Mrkdwn;
import io.warroom.fakeslack.FakeSlack;
import io.warroom.room.WarRooms;
import io.warroom.support.Room;
import io.warroom.support.TestApp;
import io.warroom.support.Whispers;
import io.warroom.timeline.EntryKind;
import io.warroom.timeline.Timeline;
import io.warroom.timeline.TimelineEntry;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Decisions recorded and posted; a bystander's "ETA?" answered privately and counted, responders'
 * own talk left alone. Through signed requests and Events API callbacks from a fake Slack.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DecisionsAndQuestionsTest {

  private TestApp app;
  private FakeSlack slack;
  private String alice;
  private String bob;
  private String carol;
  private String dave;
  private String eve;
  private String general;

  @BeforeAll
  void start() {
    app = TestApp.start();
    slack = app.slack;
    alice = slack.user("alice");
    bob = slack.user("bob");
    carol = slack.user("carol");
    dave = slack.user("dave");
    eve = slack.user("eve");
    general = slack.channel("general", false, alice, alice, bob, carol, dave, eve);
  }

  @AfterAll
  void stop() {
    app.close();
  }

  private Room declare(String title) {
    slack.app().command(alice, general, "declare sev2 " + title);
    Room room = Room.awaitContaining(slack, title.toLowerCase().replace(' ', '-'));
    for (String u : List.of(bob, carol, dave, eve)) {
      slack.join(u, room.id);
    }
    return room;
  }

  private List<TimelineEntry> entries(Room room, EntryKind kind) {
    long id = app.bean(WarRooms.class).incidentIn(room.id).orElseThrow();
    return app.bean(Timeline.class).all(id).stream().filter(e -> e.kind() == kind).toList();
  }

  @Test
  void aDecisionIsPostedEscapedAndKeptWithWhoAndWhen() {
    Room room = declare("Primary database degraded");
    assertTrue(
        slack
            .app()
            .command(alice, general, "decision Fail over")
            .text()
            .contains("in an incident's channel"));
    assertTrue(
        slack.app().command(alice, room.id, "decision").text().contains("Say what was decided"));

    String reply =
        slack
            .app()
            .command(bob, room.id, "decision Fail over to the secondary @channel & <b>now</b>")
            .text();
    assertTrue(reply.contains("Decision recorded"), reply);
    TestApp.await(
        "decision posted", () -> !room.botPostsContaining("*Decision:* Fail over").isEmpty());
    FakeSlack.Posted posted = room.botPostsContaining("*Decision:* Fail over").get(0);
    assertTrue(
        posted
            .allText()
            .contains("Fail over to the secondary @channel &amp; &lt;b&gt;now&lt;/b&gt;"),
        posted.allText());
    assertFalse(posted.allText().contains("<!channel>"), "nobody is paged on bob's behalf");
    assertTrue(posted.allText().contains("decided by <@" + bob + ">"), posted.allText());
    List<TimelineEntry> decisions = entries(room, EntryKind.DECISION);
    assertEquals(1, decisions.size());
    assertEquals(bob, decisions.get(0).actor());
    assertTrue(decisions.get(0).keyEvent(), "a decision is a key event");

    // 3,000 characters, with characters that grow when escaped: posted whole, within Slack's
    // limits.
    String longText = ("Drain EU traffic & " + "x".repeat(80) + " ").repeat(30).substring(0, 3000);
    slack.app().command(alice, room.id, "decision " + longText);
    TestApp.await("long decision posted", () -> room.botPostsContaining("Drain EU").size() == 1);
    FakeSlack.Posted big = room.botPostsContaining("Drain EU").get(0);
    StringBuilder shown = new StringBuilder();
    for (JsonNode block : big.blocks()) {
      if (block.path("type").asText().equals("section")) {
        String text = block.path("text").path("text").asText();
        assertTrue(text.length() <= 3000, text.length() + " characters in one section");
        shown.append(text);
      }
    }
    assertTrue(
        shown.toString().contains(Mrkdwn.escape(longText.strip())), "the whole decision shown");
    String tooLong = slack.app().command(alice, room.id, "decision " + "y".repeat(3001)).text();
    assertTrue(tooLong.contains("3001 characters long"), tooLong);
    assertEquals(2, entries(room, EntryKind.DECISION).size(), "the refused one is not recorded");
  }

  @Test
  void helpAndAppHomeShowTheNewCommands() {
    String help = slack.app().command(alice, general, "help").text();
    assertTrue(help.contains("/incident handoff <@user>"), help);
    assertTrue(help.contains("/incident decision <text>"), help);
    com.fasterxml.jackson.databind.node.ObjectNode opened =
        new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode();
    opened.put("type", "app_home_opened");
    opened.put("user", eve);
    opened.put("channel", "D0HOME" + eve);
    opened.put("tab", "home");
    opened.put("event_ts", System.currentTimeMillis() / 1000 + ".000001");
    assertEquals(200, slack.sendEvent(opened).status());
    TestApp.await("the Home tab", () -> slack.home(eve).isPresent());
    String home = slack.home(eve).orElseThrow().toString();
    assertTrue(home.contains("/incident handoff @user"), home);
    assertTrue(home.contains("/incident decision &lt;text&gt;"), home);
  }

  @Test
  void aBystandersEtaIsAnsweredPrivatelyAndRespondersAreLeftAlone() {
    Room room = declare("Checkout slow");
    slack.app().command(alice, room.id, "ic me");
    slack.app().command(alice, room.id, "role comms @bob");
    slack.app().command(alice, room.id, "update Card payments slow for EU customers");
    TestApp.await("update posted", () -> !entries(room, EntryKind.STATUS_UPDATE).isEmpty());
    String thread = room.thread().orElseThrow().ts();
    slack.post(carol, room.id, "Found it: the connection pool is exhausted", thread);

    int daveSeen = Whispers.count(slack, dave);
    slack.post(dave, room.id, "Any ETA?", null);
    String answer = Whispers.awaitNew(slack, dave, daveSeen, "Latest status update");
    assertTrue(answer.contains("Card payments slow for EU customers"), answer);
    assertTrue(answer.contains("Next update due"), answer);
    assertTrue(answer.contains("ask <@" + bob + ">, the communications lead"), answer);
    assertTrue(
        room.messages().stream().noneMatch(m -> m.allText().contains("heads-down")),
        "the channel sees only dave's question, not the answer");

    // Responders' talk and statements: nobody is answered.
    int aliceSeen = Whispers.count(slack, alice);
    int bobSeen = Whispers.count(slack, bob);
    int carolSeen = Whispers.count(slack, carol);
    int eveSeen = Whispers.count(slack, eve);
    slack.post(alice, room.id, "any update on the canary, <@" + bob + ">?", null);
    slack.post(alice, room.id, "ETA?", null);
    slack.post(bob, room.id, "status?", null);
    slack.post(carol, room.id, "when will this be fixed?", null);
    slack.post(dave, room.id, "status of the rollback: done", null);
    slack.post(eve, room.id, "ETA?", thread);
    slack.postAsOtherBot(room.id, "B0STATUSBOT", "statusbot", "Any update?");
    // A second question from a bystander is answered too; it marks the end of the burst.
    slack.post(dave, room.id, "When will this be fixed?", null);
    Whispers.awaitNew(slack, dave, daveSeen + 1, "Latest status update");
    slack.awaitEvents(Duration.ofSeconds(10));
    TestApp.await("both counted", () -> entries(room, EntryKind.STAKEHOLDER_QUESTION).size() == 2);
    assertEquals(aliceSeen, Whispers.count(slack, alice), "the IC is not answered");
    assertEquals(bobSeen, Whispers.count(slack, bob), "the comms lead is not answered");
    assertEquals(carolSeen, Whispers.count(slack, carol), "a thread responder is not answered");
    assertEquals(eveSeen, Whispers.count(slack, eve), "the exploration thread is left alone");
    assertEquals(daveSeen + 2, Whispers.count(slack, dave), "dave's statement got nothing");
    assertEquals(
        2,
        entries(room, EntryKind.STAKEHOLDER_QUESTION).stream()
            .filter(e -> e.actor().equals(dave))
            .count());
  }
}
