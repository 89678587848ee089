package io.warroom.handover;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.warroom.fakeslack.AppLink;
import io.warroom.fakeslack.FakeSlack;
import io.warroom.room.WarRooms;
import io.warroom.slack.SlackIds;
import io.warroom.support.Room;
import io.warroom.support.TestApp;
import io.warroom.support.Whispers;
import io.warroom.timeline.EntryKind;
import io.warroom.timeline.Timeline;
import io.warroom.timeline.TimelineEntry;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Handovers and take-overs through signed requests and a fake Slack: only the IC hands over, only
 * the person named accepts, once; a take-over over an IC is confirmed, recorded and told.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HandoverTest {

  private static final String FORM = "application/x-www-form-urlencoded";

  private TestApp app;
  private FakeSlack slack;
  private String alice;
  private String bob;
  private String carol;
  private String dave;
  private String general;

  @BeforeAll
  void start() {
    app = TestApp.start();
    slack = app.slack;
    alice = slack.user("alice");
    bob = slack.user("bob");
    carol = slack.user("carol");
    dave = slack.user("dave");
    general = slack.channel("general", false, alice, alice, bob, carol, dave);
  }

  @AfterAll
  void stop() {
    app.close();
  }

  private Room declare(String title) {
    slack.app().command(alice, general, "declare sev2 " + title);
    Room room = Room.awaitContaining(slack, title.toLowerCase().replace(' ', '-'));
    for (String u : List.of(bob, carol, dave)) {
      slack.join(u, room.id);
    }
    return room;
  }

  private long incidentOf(Room room) {
    return app.bean(WarRooms.class).incidentIn(room.id).orElseThrow();
  }

  private List<TimelineEntry> entries(Room room, EntryKind kind) {
    return app.bean(Timeline.class).all(incidentOf(room)).stream()
        .filter(e -> e.kind() == kind)
        .toList();
  }

  private String handoverModal(String user) {
    TestApp.await(
        "handover modal",
        () ->
            slack.modals(user).stream()
                .anyMatch(m -> m.open() && m.callbackId().equals(SlackIds.HANDOVER_VIEW)));
    return slack.modals(user).stream()
        .filter(m -> m.open() && m.callbackId().equals(SlackIds.HANDOVER_VIEW))
        .findFirst()
        .orElseThrow()
        .id();
  }

  private JsonNode modalView(String user, String viewId) {
    return slack.modals(user).stream()
        .filter(m -> m.id().equals(viewId))
        .findFirst()
        .orElseThrow()
        .view();
  }

  private FakeSlack.Posted note(Room room) {
    TestApp.await("handover note", () -> !room.botPostsContaining("Handover of command").isEmpty());
    return room.botPostsContaining("Handover of command").get(0);
  }

  private FakeSlack.Posted current(Room room, String ts) {
    return slack.message(room.id, ts).orElseThrow();
  }

  @Test
  void theIcHandsOverWithANoteAndTheNamedPersonAcceptsOnce() {
    Room room = declare("Checkout EU cards failing");
    slack.app().command(alice, room.id, "ic me");
    slack.app().command(alice, room.id, "update EU card payments failing since 14:02");
    TestApp.await("alice is IC", () -> room.topic().contains("IC: <@" + alice + ">"));

    // Not the IC, the IC to themselves, nobody: a clear answer and no modal.
    String notIc = slack.app().command(bob, room.id, "handoff @carol").text();
    assertTrue(
        notIc.contains("Only the Incident Commander, <@" + alice + ">, can hand over"), notIc);
    String self = slack.app().command(alice, room.id, "handoff me").text();
    assertTrue(self.contains("You are already the Incident Commander"), self);
    String nobody = slack.app().command(alice, room.id, "handoff").text();
    assertTrue(nobody.contains("Say who takes over"), nobody);
    int before = Whispers.count(slack, alice);
    AppLink.Reply toBot = slack.app().command(alice, room.id, "handoff @warroom");
    assertTrue(
        toBot.text().contains("is a bot")
            || Whispers.awaitNew(slack, alice, before, "is a bot").contains("is a bot"),
        toBot.text());
    assertTrue(slack.modals(bob).isEmpty(), "no modal for someone who is not the IC");
    assertTrue(
        slack.modals(alice).stream().noneMatch(m -> m.callbackId().equals(SlackIds.HANDOVER_VIEW)),
        "no modal for a refused handoff");

    // The IC's handoff: the modal, "what is being tried" pre-filled from the latest update.
    slack.app().command(alice, room.id, "handoff @bob");
    String view = handoverModal(alice);
    String tried = modalView(alice, view).toString();
    assertTrue(tried.contains("EU card payments failing since 14:02"), tried);
    AppLink.Reply empty = slack.app().submit(alice, view, Map.of(SlackIds.HANDOVER_STATE, " "));
    assertTrue(empty.body().contains("Say where things stand"), empty.body());
    slack
        .app()
        .submit(
            alice,
            view,
            Map.of(
                SlackIds.HANDOVER_STATE, "Errors at 2% <!channel> & falling",
                SlackIds.HANDOVER_TRIED, "Rolling back 14:02",
                SlackIds.HANDOVER_NEXT, "Decide on failover by 15:00"));
    FakeSlack.Posted note = note(room);
    assertTrue(note.allText().contains("<@" + alice + "> → <@" + bob + ">"), note.allText());
    assertTrue(note.allText().contains("Errors at 2% &lt;!channel&gt; &amp; falling"));
    assertTrue(note.allText().contains("warroom_accept_command"), "Accept command button");
    TestApp.await(
        "card says pending",
        () -> room.card().allText().contains("Handover to <@" + bob + "> pending"));
    assertTrue(room.topic().contains("IC: <@" + alice + ">"), "alice stays IC until bob accepts");

    // Someone else presses Accept: told privately, nothing changes.
    int carolBefore = Whispers.count(slack, carol);
    slack.app().click(carol, room.id, note.ts(), "warroom_accept_command", null);
    Whispers.awaitNew(slack, carol, carolBefore, "Only <@" + bob + "> can accept");
    assertTrue(room.topic().contains("IC: <@" + alice + ">"));

    // Bob accepts; a second press (a stale copy of the message) changes nothing.
    String secondPress =
        slack.app().clickBody(bob, room.id, note.ts(), "warroom_accept_command", null);
    slack.app().click(bob, room.id, note.ts(), "warroom_accept_command", null);
    TestApp.await("topic shows bob", () -> room.topic().contains("IC: <@" + bob + ">"));
    TestApp.await(
        "card shows bob",
        () -> room.card().allText().contains("*Incident Commander*\\n<@" + bob + ">"));
    TestApp.await(
        "accepted posted",
        () ->
            !room.botPostsContaining("<@" + bob + "> accepted command from <@" + alice + ">")
                .isEmpty());
    TestApp.await(
        "note shows accepted",
        () -> current(room, note.ts()).allText().contains("Accepted by <@" + bob + ">"));
    assertFalse(current(room, note.ts()).allText().contains("warroom_accept_command"));
    TestApp.await("pending gone", () -> !room.card().allText().contains("pending"));
    int bobBefore = Whispers.count(slack, bob);
    slack.app().post(secondPress, FORM, Map.of());
    Whispers.awaitNew(slack, bob, bobBefore, "You already accepted this handover");

    List<TimelineEntry> handovers = entries(room, EntryKind.HANDOVER);
    assertEquals(1, handovers.size(), "one handover in the timeline");
    assertTrue(handovers.get(0).keyEvent());
    assertTrue(handovers.get(0).data().contains("Errors at 2% <!channel> & falling"));
    assertTrue(handovers.get(0).data().contains("Decide on failover by 15:00"));
    assertEquals(bob, handovers.get(0).actor());

    // The postmortem draft keeps the handover and its note.
    slack.app().command(bob, room.id, "resolve Card payments recovered");
    TestApp.await(
        "draft posted", () -> room.botMessages().stream().anyMatch(m -> !m.files().isEmpty()));
    String fileId =
        room.botMessages().stream()
            .filter(m -> !m.files().isEmpty())
            .findFirst()
            .orElseThrow()
            .files()
            .get(0);
    String draft = slack.fileContent(fileId).orElseThrow();
    assertTrue(draft.contains("## Handovers"), draft);
    assertTrue(draft.contains("@alice handed command to @bob, who accepted."), draft);
    assertTrue(draft.contains("Next steps: Decide on failover by 15:00"), draft);
  }

  @Test
  void takingCommandOverAnIcIsConfirmedRecordedAndTold() {
    Room room = declare("Search latency high");
    slack.app().command(alice, room.id, "ic me");
    TestApp.await(
        "card shows alice",
        () -> room.card().allText().contains("*Incident Commander*\\n<@" + alice + ">"));
    // The card's button now names the IC and asks for a confirmation.
    String card = room.card().blocks().toString();
    assertTrue(card.contains("Take over command?"), card);

    // A pending handover lapses when someone takes over. Its modal lists the open hypotheses.
    slack.app().command(alice, room.id, "hypothesis Index rebuild starves the search nodes");
    slack.app().command(alice, room.id, "handoff @bob");
    String view = handoverModal(alice);
    String tried = modalView(alice, view).toString();
    assertTrue(tried.contains("H1 (open): Index rebuild starves the search nodes"), tried);
    slack.app().submit(alice, view, Map.of(SlackIds.HANDOVER_STATE, "Cause unknown"));
    FakeSlack.Posted note = note(room);
    String bobsLateAccept =
        slack.app().clickBody(bob, room.id, note.ts(), "warroom_accept_command", null);
    TestApp.await("card pending", () -> room.card().allText().contains("pending"));

    String cardTs = room.card().ts();
    String stalePress = slack.app().clickBody(dave, room.id, cardTs, "warroom_take_command", null);
    slack.app().click(carol, room.id, cardTs, "warroom_take_command", null);
    TestApp.await("topic shows carol", () -> room.topic().contains("IC: <@" + carol + ">"));
    TestApp.await(
        "alice told",
        () ->
            !room.botPostsContaining(
                    "<@"
                        + carol
                        + "> took over command from <@"
                        + alice
                        + ">. <@"
                        + alice
                        + ">, you are no longer the Incident Commander")
                .isEmpty());
    TestApp.await("note withdrawn", () -> current(room, note.ts()).allText().contains("Withdrawn"));
    TestApp.await("pending gone", () -> !room.card().allText().contains("pending"));
    assertEquals(1, entries(room, EntryKind.TAKEOVER).size());
    assertEquals(carol, entries(room, EntryKind.TAKEOVER).get(0).actor());

    // A press on the card as it was before carol took over: refused, carol stays IC.
    int daveBefore = Whispers.count(slack, dave);
    slack.app().post(stalePress, FORM, Map.of());
    Whispers.awaitNew(slack, dave, daveBefore, "<@" + carol + "> is the Incident Commander now");
    // Bob accepting the withdrawn handover: refused.
    int bobBefore = Whispers.count(slack, bob);
    slack.app().post(bobsLateAccept, FORM, Map.of());
    Whispers.awaitNew(slack, bob, bobBefore, "This handover was withdrawn");
    // /incident ic when someone else is IC asks before taking over.
    AppLink.Reply ask = slack.app().command(dave, room.id, "ic me");
    assertTrue(ask.text().contains("<@" + carol + "> is the Incident Commander"), ask.text());
    assertTrue(ask.body().contains("warroom_take_command"), ask.body());
    TestApp.await("settled", () -> room.topic().contains("IC: <@" + carol + ">"));
    assertEquals(1, entries(room, EntryKind.TAKEOVER).size(), "nothing more was taken over");
    assertTrue(room.topic().contains("IC: <@" + carol + ">"));
  }
}
