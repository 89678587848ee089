package io.warroom.hypothesis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.warroom.fakeslack.AppLink;
import io.warroom.fakeslack.FakeSlack;
import io.warroom.fakeslack.SlackSimulator.Posted;
import io.warroom.room.WarRooms;
import io.warroom.support.Async;
import io.warroom.support.Room;
import io.warroom.support.TestApp;
import io.warroom.support.Whispers;
import io.warroom.timeline.EntryKind;
import io.warroom.timeline.Timeline;
import io.warroom.timeline.TimelineEntry;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The hypothesis board end to end: signed commands and button presses from the fake Slack, the one
 * board message redrawn in place over HTTP, the timeline, and bad input that changes nothing.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HypothesisBoardTest {

  private TestApp app;
  private FakeSlack slack;
  private String alice;
  private String bob;
  private String carol;
  private String general;

  @BeforeAll
  void start() {
    app =
        TestApp.start(
            Map.of(
                "warroom.hypotheses.stale-after", "2s", "warroom.hypotheses.stale-sweep", "200ms"));
    slack = app.slack;
    alice = slack.user("alice");
    bob = slack.user("bob");
    carol = slack.user("carol");
    general = slack.channel("general", false, alice, alice, bob, carol);
  }

  @AfterAll
  void stop() {
    app.close();
  }

  private Room declare(String title) {
    slack.app().command(alice, general, "declare sev2 " + title);
    Room room = Room.awaitContaining(slack, title.toLowerCase().replace(' ', '-'));
    slack.join(bob, room.id);
    slack.join(carol, room.id);
    return room;
  }

  static List<Posted> boards(Room room) {
    return room.botMessages().stream()
        .filter(m -> m.text().startsWith("Hypothesis board"))
        .toList();
  }

  static Posted board(Room room) {
    TestApp.await("the board", () -> boards(room).size() == 1);
    return boards(room).get(0);
  }

  private long incidentOf(Room room) {
    return app.bean(WarRooms.class).incidentIn(room.id).orElseThrow();
  }

  private List<TimelineEntry> hypothesisEntries(Room room) {
    return app.bean(Timeline.class).all(incidentOf(room)).stream()
        .filter(e -> e.kind() == EntryKind.HYPOTHESIS)
        .toList();
  }

  @Test
  void hypothesesAreNumberedOwnedAndSettledOnOneBoardRedrawnInPlace() {
    Room room = declare("Checkout latency high");
    AppLink.Reply first =
        slack.app().command(alice, room.id, "hypothesis the connection pool is exhausted");
    assertTrue(first.text().contains("Added *H1*"), first.text());
    String ts = board(room).ts();
    assertTrue(board(room).allText().contains("the connection pool is exhausted"));
    assertTrue(
        slack
            .app()
            .command(bob, room.id, "hypothesis the 14:02 deploy & <!channel> broke the cache")
            .text()
            .contains("Added *H2*"));
    TestApp.await("H2 on the board", () -> board(room).allText().contains("*H2*"));
    String text = board(room).allText();
    assertTrue(text.contains("deploy &amp; &lt;!channel&gt; broke"), "escaped: " + text);
    assertFalse(text.contains("<!channel>"), text);

    // I'll check: bob on H1, then carol too (doubled work).
    slack.app().click(bob, room.id, ts, "warroom_hypothesis_check", idOf(room, 1));
    TestApp.await(
        "H1 investigated by bob",
        () -> board(room).allText().contains(":mag: investigating: <@" + bob + ">"));
    slack.app().click(carol, room.id, ts, "warroom_hypothesis_check", idOf(room, 1));
    TestApp.await("doubled work", () -> board(room).allText().contains("*doubled work*"));
    assertEquals(
        List.of(
            "H1 (investigating, 2 people): the connection pool is exhausted",
            "H2 (open): the 14:02 deploy & <!channel> broke the cache"),
        app.bean(Hypotheses.class).openLines(incidentOf(room)),
        "the open hypotheses as plain lines, for the Handover form");

    // Confirm H1 with the button, rule out H2 with a note by command.
    slack.app().click(bob, room.id, ts, "warroom_hypothesis_confirm", idOf(room, 1));
    TestApp.await(
        "H1 confirmed", () -> board(room).allText().contains("*H1* confirmed by <@" + bob + ">"));
    AppLink.Reply ruled =
        slack.app().command(carol, room.id, "ruleout h2 the cache hit rate did not change");
    assertTrue(ruled.text().contains("*H2* is ruled out"), ruled.text());
    TestApp.await(
        "H2 ruled out with its note",
        () ->
            board(room).allText().contains("*H2* ruled out by <@" + carol + ">")
                && board(room).allText().contains("the cache hit rate did not change"));

    List<Posted> boards = boards(room);
    assertEquals(1, boards.size(), "one board message");
    assertEquals(ts, boards.get(0).ts(), "redrawn in place");
    assertTrue(boards.get(0).edited());

    // Every change is a timeline event.
    TestApp.await("timeline", () -> hypothesisEntries(room).size() == 6);
    List<String> texts = hypothesisEntries(room).stream().map(TimelineEntry::text).toList();
    assertEquals("Hypothesis H1 raised: the connection pool is exhausted", texts.get(0));
    assertTrue(texts.contains("<@" + bob + "> is checking H1"), texts.toString());
    assertTrue(texts.contains("<@" + carol + "> is checking H1"), texts.toString());
    assertTrue(texts.contains("Hypothesis H1 confirmed"), texts.toString());
    assertTrue(
        texts.contains("Hypothesis H2 ruled out: the cache hit rate did not change"),
        texts.toString());

    String list = slack.app().command(alice, room.id, "hypotheses").text();
    assertTrue(list.contains("*H1* confirmed by <@" + bob + ">"), list);
    assertTrue(list.contains("*H2* ruled out by <@" + carol + ">"), list);

    // The postmortem tells the diagnosis.
    slack.app().command(alice, room.id, "mitigated rolled back");
    String draft =
        app.bean(io.warroom.postmortem.Postmortems.class).draft(incidentOf(room)).orElseThrow();
    assertTrue(draft.contains("- **H1** the connection pool is exhausted — raised "), draft);
    assertTrue(draft.contains("checked by @bob, @carol; **confirmed** "), draft);
    assertTrue(
        draft.contains("**ruled out** ") && draft.contains(": the cache hit rate did not change"),
        draft);
    assertTrue(draft.contains("| Declared → the confirmed hypothesis first raised (H1) | "), draft);
    assertFalse(draft.contains("| Confirmed → mitigated | not recorded |"), draft);
  }

  @Test
  void trackAsHypothesisAddsTheMessageWithALinkToIt() {
    Room room = declare("Login failures");
    String said =
        slack.post(
            bob,
            room.id,
            "I bet the 14:02 deploy of auth-service &amp; the &lt;b&gt;cache&lt;/b&gt;",
            null);
    int aliceSaw = Whispers.count(slack, alice);
    AppLink.Reply reply =
        slack.app().messageShortcut(alice, room.id, said, "warroom_track_hypothesis");
    assertEquals(200, reply.status());
    Whispers.awaitNew(slack, alice, aliceSaw, "Added *H1* to the hypothesis board, linked");
    TestApp.await(
        "the board links the message",
        () ->
            board(room)
                    .allText()
                    .contains(
                        "I bet the 14:02 deploy of auth-service &amp; the &lt;b&gt;cache&lt;/b&gt;")
                && board(room)
                    .allText()
                    .contains(
                        "/archives/" + room.id + "/p" + said.replace(".", "") + "|(message)>"));
    Hypothesis h = app.bean(Hypotheses.class).all(incidentOf(room)).get(0);
    assertEquals(alice, h.raisedBy());
    assertTrue(h.link().endsWith("/p" + said.replace(".", "")), h.link());

    // Outside a war room: told, nothing added.
    String elsewhere = slack.post(bob, general, "maybe it is DNS", null);
    slack.app().messageShortcut(alice, general, elsewhere, "warroom_track_hypothesis");
    Whispers.awaitNew(slack, alice, aliceSaw, "works on messages in an incident's channel");
    assertEquals(1, app.bean(Hypotheses.class).all(incidentOf(room)).size());
  }

  @Test
  void badInputGetsAClearAnswerAndChangesNothing() {
    Room room = declare("Search index stale");
    slack.app().command(alice, room.id, "hypothesis the indexer is stuck on one shard");
    board(room);
    slack.app().command(alice, room.id, "confirm H1 the shard queue was full");
    TestApp.await("H1 confirmed", () -> board(room).allText().contains("*H1* confirmed"));
    TestApp.await("settled on the timeline", () -> hypothesisEntries(room).size() == 2);
    int calls = slack.calls("chat.postMessage").size() + slack.calls("chat.update").size();

    assertTrue(
        slack
            .app()
            .command(alice, room.id, "hypothesis " + "x".repeat(3000))
            .text()
            .contains("That hypothesis is 3000 characters long; keep it to 300 or fewer"));
    assertTrue(
        slack.app().command(alice, room.id, "hypothesis   ").text().contains("Add the hypothesis"));
    assertTrue(
        slack
            .app()
            .command(alice, room.id, "confirm H7")
            .text()
            .contains("There is no H7 in this incident"));
    assertTrue(
        slack
            .app()
            .command(alice, room.id, "confirm")
            .text()
            .contains("Say which hypothesis, for example `/incident confirm H2"));
    String twice = slack.app().command(bob, room.id, "confirm H1").text();
    assertTrue(twice.contains("H1 was already confirmed by <@" + alice + ">."), twice);
    String opposite = slack.app().command(bob, room.id, "ruleout H1 no").text();
    assertTrue(
        opposite.contains(
            "H1 was already confirmed by <@" + alice + ">. It cannot also be ruled out"),
        opposite);
    String outside = slack.app().command(alice, general, "hypothesis it is DNS").text();
    assertTrue(outside.contains("in an incident's channel"), outside);

    assertEquals(2, hypothesisEntries(room).size(), "nothing recorded");
    assertEquals(1, app.bean(Hypotheses.class).all(incidentOf(room)).size());
    assertEquals(
        calls,
        slack.calls("chat.postMessage").size() + slack.calls("chat.update").size(),
        "no post or redraw");
  }

  @Test
  void ofTwoPeopleConfirmingAtOnceOneWinsAndTheOtherIsTold() {
    Room room = declare("Payments double charged");
    slack.app().command(alice, room.id, "hypothesis retries are not idempotent");
    String ts = board(room).ts();
    String id = idOf(room, 1);
    int bobSaw = Whispers.count(slack, bob);
    int carolSaw = Whispers.count(slack, carol);
    // Both see the board with H1's Confirm button and press it: both clicks carry H1's id.
    String bobsClick = slack.app().clickBody(bob, room.id, ts, "warroom_hypothesis_confirm", id);
    String carolsClick =
        slack.app().clickBody(carol, room.id, ts, "warroom_hypothesis_confirm", id);
    CompletableFuture<AppLink.Reply> b =
        Async.run(() -> slack.app().post(bobsClick, "application/x-www-form-urlencoded", Map.of()));
    CompletableFuture<AppLink.Reply> c =
        Async.run(
            () -> slack.app().post(carolsClick, "application/x-www-form-urlencoded", Map.of()));
    assertEquals(200, b.join().status());
    assertEquals(200, c.join().status());
    TestApp.await(
        "one of them told",
        () -> Whispers.count(slack, bob) > bobSaw || Whispers.count(slack, carol) > carolSaw);
    Hypothesis h = app.bean(Hypotheses.class).all(incidentOf(room)).get(0);
    String loser = h.closedBy().equals(bob) ? carol : bob;
    int loserSaw = loser.equals(bob) ? bobSaw : carolSaw;
    Whispers.awaitNew(
        slack, loser, loserSaw, "H1 was already confirmed by <@" + h.closedBy() + ">");
    TestApp.await("confirmed once", () -> hypothesisEntries(room).size() == 2);
    TestApp.await(
        "board", () -> board(room).allText().contains("*H1* confirmed by <@" + h.closedBy() + ">"));
  }

  @Test
  void anInvestigationWithNoChangeIsMarkedStale() {
    Room room = declare("Emails delayed");
    slack.app().command(alice, room.id, "hypothesis the SMTP relay throttles us");
    String ts = board(room).ts();
    slack.app().click(bob, room.id, ts, "warroom_hypothesis_check", idOf(room, 1));
    TestApp.await("investigating", () -> board(room).allText().contains(":mag: investigating"));
    assertFalse(board(room).allText().contains("*stale*"));
    TestApp.await("marked stale", () -> board(room).allText().contains("*stale*: no change since"));
  }

  @Test
  void sixtyHypothesesStayWithinSlacksLimitsAndTheBoardSaysHowManyItLeavesOut() {
    Room room = declare("Everything is slow");
    long incident = incidentOf(room);
    Hypotheses hypotheses = app.bean(Hypotheses.class);
    for (int i = 1; i <= 60; i++) {
      hypotheses.raise(incident, "suspect number " + i + " " + "y".repeat(250), null, alice);
    }
    for (int i = 1; i <= 10; i++) {
      hypotheses.ruleOut(incident, "H" + i, "z".repeat(400), bob);
    }
    TestApp.await(
        "the board shows the last one's count",
        () -> board(room).allText().contains("10 ruled out"));
    Posted board = board(room);
    assertTrue(board.blocks().size() <= 50, "blocks: " + board.blocks().size());
    assertTrue(board.allText().contains("more hypotheses are not shown here"), board.allText());
    // Slack (the fake, strict) refused nothing: the board was never given up.
    assertTrue(slack.calls("chat.update").stream().allMatch(c -> c.ok()), "every redraw accepted");
    String list = slack.app().command(alice, room.id, "hypotheses").text();
    assertTrue(list.contains("*Hypotheses (60)*"), list);
    assertTrue(list.contains("*H60* open"), list);
  }

  @Test
  void helpAndAppHomeShowTheHypothesisCommands() {
    String help = slack.app().command(alice, general, "help").text();
    for (String usage :
        new String[] {
          "hypothesis <text>", "hypotheses", "confirm <Hn> [note]", "ruleout <Hn> [note]"
        }) {
      assertTrue(help.contains("/incident " + usage), help);
    }
    com.fasterxml.jackson.databind.node.ObjectNode opened =
        new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode();
    opened.put("type", "app_home_opened");
    opened.put("user", carol);
    opened.put("channel", "D0HOME" + carol);
    opened.put("tab", "home");
    opened.put("event_ts", System.currentTimeMillis() / 1000 + ".000001");
    assertEquals(200, slack.sendEvent(opened).status());
    TestApp.await("the Home tab", () -> slack.home(carol).isPresent());
    String home = slack.home(carol).get().toString();
    assertTrue(home.contains("`/incident hypothesis <text>`"), home);
    assertTrue(home.contains("*Track as hypothesis*"), home);
    assertTrue(home.contains("`/incident confirm Hn [note]`"), home);
  }

  /** The value of the board's buttons for Hn: the hypothesis's id. */
  private String idOf(Room room, int number) {
    return String.valueOf(
        app.bean(Hypotheses.class).all(incidentOf(room)).stream()
            .filter(h -> h.number() == number)
            .findFirst()
            .orElseThrow()
            .id());
  }
}
