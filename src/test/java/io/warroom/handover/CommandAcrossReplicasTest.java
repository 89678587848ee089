package io.warroom.handover;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.warroom.fakeslack.FakeSlack;
import io.warroom.room.WarRooms;
import io.warroom.slack.SlackIds;
import io.warroom.support.Postgres;
import io.warroom.support.Room;
import io.warroom.support.TestApp;
import io.warroom.timeline.EntryKind;
import io.warroom.timeline.Timeline;
import io.warroom.timeline.TimelineEntry;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Two replicas on one PostgreSQL: the no-IC reminder comes three times, once each, and stops; a
 * handover offered on one replica is accepted after a restart, on another, exactly once.
 */
class CommandAcrossReplicasTest {

  private static final String NO_IC = "This incident has no Incident Commander";

  @Test
  void remindersOnceEachAndAHandoverAcceptedAcrossARestart() throws Exception {
    String db = Postgres.newDatabase();
    Map<String, Object> props =
        Map.of("warroom.ic-reminder", "2s", "warroom.scheduler-tick", "500ms");
    try (FakeSlack slack = FakeSlack.start(TestApp.BOT_TOKEN, TestApp.SIGNING_SECRET)) {
      String alice = slack.user("alice");
      String bob = slack.user("bob");
      String carol = slack.user("carol");
      String general = slack.channel("general", false, alice, alice, bob, carol);
      TestApp a = TestApp.start(slack, db, props);
      TestApp b = TestApp.start(slack, db, props);
      TestApp a2 = null;
      try {
        slack.app().command(alice, general, "declare sev2 Nobody commands");
        Room orphan = Room.awaitContaining(slack, "nobody-commands");
        slack.app().command(alice, general, "declare sev2 Someone commands");
        Room led = Room.awaitContaining(slack, "someone-commands");
        slack.app().command(alice, led.id, "ic me");
        slack.join(bob, orphan.id);
        slack.join(carol, orphan.id);

        TestApp.await(
            "three reminders",
            java.time.Duration.ofSeconds(30),
            () -> orphan.botPostsContaining(NO_IC).size() >= 3);
        // Three intervals more: no fourth reminder, and none where someone took command.
        TestApp.holds(
            "three reminders, once each; none where someone commands",
            java.time.Duration.ofSeconds(6),
            () ->
                orphan.botPostsContaining(NO_IC).size() == 3
                    && led.botPostsContaining(NO_IC).isEmpty());
        List<TimelineEntry> reminders = entries(b, orphan, EntryKind.IC_REMINDER);
        assertEquals(
            List.of(
                "No Incident Commander yet (reminder 1 of 3)",
                "No Incident Commander yet (reminder 2 of 3)",
                "No Incident Commander yet (reminder 3 of 3)"),
            reminders.stream().map(TimelineEntry::text).toList());

        // The reminder's own button makes the presser IC.
        FakeSlack.Posted reminder = orphan.botPostsContaining(NO_IC).get(2);
        slack.app().click(bob, orphan.id, reminder.ts(), "warroom_take_command", null);
        TestApp.await("bob is IC", () -> orphan.topic().contains("IC: <@" + bob + ">"));

        // Bob offers command to carol; the replica he asked stops, another takes her accept.
        slack.app().command(bob, orphan.id, "handoff @carol");
        TestApp.await(
            "modal",
            () ->
                slack.modals(bob).stream()
                    .anyMatch(m -> m.open() && m.callbackId().equals(SlackIds.HANDOVER_VIEW)));
        String view =
            slack.modals(bob).stream()
                .filter(m -> m.open() && m.callbackId().equals(SlackIds.HANDOVER_VIEW))
                .findFirst()
                .orElseThrow()
                .id();
        slack.app().submit(bob, view, Map.of(SlackIds.HANDOVER_STATE, "DNS fixed, watching"));
        TestApp.await("note", () -> !orphan.botPostsContaining("Handover of command").isEmpty());
        FakeSlack.Posted note = orphan.botPostsContaining("Handover of command").get(0);
        b.stopApp();
        a2 = TestApp.start(slack, db, props);
        slack.app().click(carol, orphan.id, note.ts(), "warroom_accept_command", null);
        TestApp.await("carol is IC", () -> orphan.topic().contains("IC: <@" + carol + ">"));
        TestApp.await(
            "card shows carol",
            () -> orphan.card().allText().contains("*Incident Commander*\\n<@" + carol + ">"));
        TestApp.await(
            "note accepted",
            () ->
                slack
                    .message(orphan.id, note.ts())
                    .orElseThrow()
                    .allText()
                    .contains("Accepted by <@" + carol + ">"));
        TestApp.await(
            "the acceptance posted",
            () -> !orphan.botPostsContaining("accepted command from").isEmpty());
        TestApp.holds(
            "the acceptance and the note posted once",
            java.time.Duration.ofSeconds(1),
            () ->
                orphan.botPostsContaining("accepted command from").size() == 1
                    && orphan.botPostsContaining("Handover of command").size() == 1);
        assertEquals(1, entries(a2, orphan, EntryKind.HANDOVER).size());
        assertEquals(3, orphan.botPostsContaining(NO_IC).size());
      } finally {
        a.stopApp();
        b.stopApp();
        if (a2 != null) {
          a2.stopApp();
        }
      }
    }
  }

  private static List<TimelineEntry> entries(TestApp app, Room room, EntryKind kind) {
    long id = app.bean(WarRooms.class).incidentIn(room.id).orElseThrow();
    return app.bean(Timeline.class).all(id).stream().filter(e -> e.kind() == kind).toList();
  }
}
