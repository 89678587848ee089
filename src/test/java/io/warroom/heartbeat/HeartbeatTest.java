package io.warroom.heartbeat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.warroom.fakeslack.FakeSlack;
import io.warroom.fakeslack.SlackSimulator.Posted;
import io.warroom.room.WarRooms;
import io.warroom.support.Room;
import io.warroom.support.TestApp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The heartbeat with short cadences set through the SPEC's variables: reminders that name the right
 * people, escalate, wait for updates, stop on resolve, and follow severity changes.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HeartbeatTest {

  private TestApp app;
  private FakeSlack slack;
  private String alice;
  private String bob;
  private String general;

  @BeforeAll
  void start() {
    app =
        TestApp.start(
            Map.of(
                "warroom.heartbeat.sev1", "2s",
                "warroom.heartbeat.sev2", "5s",
                "warroom.heartbeat.sev3", "off",
                "warroom.scheduler-tick", "200ms"));
    slack = app.slack;
    alice = slack.user("alice");
    bob = slack.user("bob");
    general = slack.channel("general", false, alice, alice, bob);
  }

  @AfterAll
  void stop() {
    app.close();
  }

  private Room declare(String sev, String title) {
    slack.app().command(alice, general, "declare " + sev + " " + title);
    Room room = Room.awaitContaining(slack, title.toLowerCase().replace(' ', '-'));
    slack.join(bob, room.id);
    return room;
  }

  private static List<Posted> reminders(Room room) {
    return room.botMessages().stream().filter(m -> m.text().equals("Status update due")).toList();
  }

  @Test
  void remindsTheCommsLeadAfterTheCadenceThenEscalatesToTheCommander() {
    // SEV2 (5 s here): the roles are set well before the first reminder, also when building the
    // room is slow (with SEV1's 2 s, a slow machine sent it to the commander before they were).
    Room room = declare("sev2", "Heartbeat escalation");
    slack.app().command(alice, room.id, "ic me");
    slack.app().command(alice, room.id, "role comms @bob");
    assertEquals(0, reminders(room).size(), "no reminder before the cadence");
    TestApp.await("first reminder", Duration.ofSeconds(8), () -> reminders(room).size() >= 1);
    Posted first = reminders(room).get(0);
    assertTrue(first.allText().contains("<@" + bob + ">"), first.allText());
    assertFalse(first.allText().contains("<@" + alice + ">"), "the IC is not bothered yet");
    assertTrue(first.allText().contains("Post update"), "a button to post the update");
    TestApp.await("second reminder", Duration.ofSeconds(8), () -> reminders(room).size() >= 2);
    Posted second = reminders(room).get(1);
    assertTrue(second.allText().contains("2 status updates missed"), second.allText());
    assertTrue(
        second.allText().contains("<@" + bob + ">")
            && second.allText().contains("<@" + alice + ">"),
        second.allText());
  }

  @Test
  void withoutACommsLeadTheCommanderIsReminded() {
    Room room = declare("sev1", "Heartbeat without comms");
    slack.app().command(alice, room.id, "ic @bob");
    TestApp.await("reminder", Duration.ofSeconds(6), () -> reminders(room).size() >= 1);
    assertTrue(reminders(room).get(0).allText().contains("<@" + bob + ">"));
  }

  @Test
  void anUpdatePostponesTheReminderByTheCadence() throws Exception {
    Room room = declare("sev2", "Heartbeat postponed");
    Thread.sleep(3000); // time passes on purpose: most of the declaration's 5 s cadence
    // Taken before sending: Warroom records the update before it acks, at this instant or later.
    Instant updated = Instant.now();
    slack.app().command(alice, room.id, "update Still investigating the queue backlog");
    // Past the declaration's due time, within the update's cadence.
    TestApp.holds(
        "no reminder within the cadence after an update",
        Duration.ofMillis(3500),
        () -> reminders(room).isEmpty());
    TestApp.await(
        "reminder one cadence after the update",
        Duration.ofSeconds(5),
        () -> reminders(room).size() == 1);
    Instant reminded = Instant.now();
    assertTrue(
        reminded.isAfter(updated.plusSeconds(5)),
        "reminded " + Duration.between(updated, reminded).toMillis() + " ms after the update");
  }

  @Test
  void resolvedIncidentsGetNoReminders() throws Exception {
    Room room = declare("sev1", "Heartbeat resolved");
    slack.app().command(alice, room.id, "resolve Rolled back");
    TestApp.holds(
        "no reminder after resolving", Duration.ofMillis(4500), () -> reminders(room).isEmpty());
  }

  @Test
  void mitigatedIncidentsKeepTheirCadence() {
    Room room = declare("sev1", "Heartbeat mitigated");
    slack.app().command(alice, room.id, "mitigated Traffic drained to us-west");
    TestApp.await(
        "reminder while mitigated", Duration.ofSeconds(6), () -> reminders(room).size() >= 1);
  }

  @Test
  void raisingTheSeverityMakesAnUpdateDueSooner() throws Exception {
    Room room = declare("sev3", "Heartbeat raised");
    TestApp.holds(
        "SEV3 reminders are off here", Duration.ofMillis(2500), () -> reminders(room).isEmpty());
    long id = app.bean(WarRooms.class).incidentIn(room.id).orElseThrow();
    Instant raised = Instant.now();
    slack.app().command(alice, room.id, "sev 1");
    // Counted from the declaration, more than 2 s ago, so due at once. On a loaded machine the
    // scheduler may already have sent that reminder and moved the due time on before we look.
    Heartbeat heartbeat = app.bean(HeartbeatRepository.class).findById(id).orElseThrow();
    assertTrue(
        heartbeat.missed() > 0 || heartbeat.nextDue().isBefore(raised.plusSeconds(1)),
        "due already: declared more than 2 s ago, but " + heartbeat);
    TestApp.await(
        "reminder after raising", Duration.ofSeconds(3), () -> reminders(room).size() == 1);
    TestApp.await(
        "severity announced",
        () -> !room.botPostsContaining("Severity changed *SEV3 → SEV1*").isEmpty());
    TestApp.await("topic follows", () -> room.topic().startsWith("SEV1"));
  }

  @Test
  void theNextUpdateTimeFromTheModalIsKept() {
    Room room = declare("sev1", "Heartbeat promised");
    long id = app.bean(WarRooms.class).incidentIn(room.id).orElseThrow();
    slack.app().click(alice, room.id, room.card().ts(), "warroom_post_update", null);
    TestApp.await(
        "modal",
        () ->
            slack.modals(alice).stream()
                .anyMatch(m -> m.open() && m.callbackId().equals("warroom_status_update")));
    String view =
        slack.modals(alice).stream()
            .filter(m -> m.open() && m.callbackId().equals("warroom_status_update"))
            .findFirst()
            .orElseThrow()
            .id();
    var reply =
        slack
            .app()
            .submit(
                alice,
                view,
                Map.of(
                    "update_status", "IDENTIFIED",
                    "update_impact", "EU card payments fail",
                    "update_actions", "Rolled back deploy 4521",
                    "update_next_steps", "Watch error rates",
                    "update_next_in", "45"));
    assertEquals(200, reply.status());
    Instant due = app.bean(Heartbeats.class).nextDue(id).orElseThrow();
    assertTrue(
        due.isAfter(Instant.now().plusSeconds(44 * 60))
            && due.isBefore(Instant.now().plusSeconds(46 * 60)),
        due.toString());
    TestApp.await("card shows Identified", () -> room.card().allText().contains("*Identified*"));
    TestApp.await(
        "template posted",
        () -> !room.botPostsContaining("*Impact:* EU card payments fail").isEmpty());
  }
}
