package io.warroom.slack.status;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.warroom.chat.Mrkdwn;
import io.warroom.fakeslack.AppLink;
import io.warroom.fakeslack.FakeSlack;
import io.warroom.fakeslack.Faults.Fault;
import io.warroom.fakeslack.SlackSimulator.Posted;
import io.warroom.incident.IncidentService;
import io.warroom.incident.Status;
import io.warroom.room.WarRooms;
import io.warroom.slack.SlackIds;
import io.warroom.support.Room;
import io.warroom.support.TestApp;
import io.warroom.support.Whispers;
import io.warroom.timeline.EntryKind;
import io.warroom.timeline.Timeline;
import io.warroom.timeline.TimelineEntry;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Status updates, severity, tasks, mitigation, resolution and reopening, and bad input. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LifecycleTest {

  private FakeSlack slack;
  private TestApp app;
  private String alice;
  private String bob;
  private String carol;
  private String general;
  private String announce;

  @BeforeAll
  void start() {
    slack = FakeSlack.start(TestApp.BOT_TOKEN, TestApp.SIGNING_SECRET);
    alice = slack.user("alice");
    bob = slack.user("bob");
    carol = slack.user("carol");
    general = slack.channel("general", false, alice, alice, bob, carol);
    announce = slack.channel("status-page", false, alice, alice);
    app =
        TestApp.start(
            slack, TestApp.inMemoryDatabase(), Map.of("warroom.announce-channel", announce));
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

  private long id(Room room) {
    return app.bean(WarRooms.class).incidentIn(room.id).orElseThrow();
  }

  private long undelivered() {
    try (java.sql.Connection c = java.sql.DriverManager.getConnection(app.jdbcUrl, "sa", "");
        java.sql.ResultSet rs =
            c.createStatement()
                .executeQuery("SELECT count(*) FROM outbox WHERE delivered_at IS NULL")) {
      rs.next();
      return rs.getLong(1);
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private boolean announced(String text) {
    return slack.messages(announce).stream().anyMatch(m -> m.allText().contains(text));
  }

  @Test
  void aQuickUpdateIsPostedInTheTemplateAndMirroredToStakeholders() {
    Room room = declare("Update mirrored");
    AppLink.Reply reply =
        slack
            .app()
            .command(alice, room.id, "update Checkout errors for EU cards <!here>; rolling back");
    assertTrue(reply.text().contains("Update posted"), reply.text());
    TestApp.await(
        "in the room",
        () -> !room.botPostsContaining("*Impact:* Checkout errors for EU cards").isEmpty());
    Posted update = room.botPostsContaining("*Impact:* Checkout errors for EU cards").get(0);
    assertTrue(
        update.allText().contains(":loudspeaker: *Status update* · *SEV2* · *Investigating*"));
    assertTrue(update.allText().contains("*Next update:* by <!date^"));
    assertTrue(update.allText().contains("&lt;!here&gt;") && !update.allText().contains("<!here>"));
    TestApp.await(
        "mirrored with a link",
        () ->
            announced("*Impact:* Checkout errors for EU cards") && announced("<#" + room.id + ">"));
  }

  /** Slack does not answer {@code views.open}: the one who pressed is told, not left waiting. */
  @Test
  void aStatusUpdateFormSlackWillNotOpenIsExplainedToWhoPressed() {
    Room room = declare("Form refused");
    int whispers = Whispers.count(slack, bob);
    slack.faults().inject("views.open", 1, Fault.timeout(Duration.ofSeconds(5)));

    slack.app().click(bob, room.id, room.card().ts(), "warroom_post_update", null);

    String told = Whispers.awaitNew(slack, bob, whispers, "did not open the Status Update form");
    assertTrue(told.contains("`no answer from Slack`") && told.contains("/incident update"), told);
    assertTrue(slack.modals(bob).isEmpty(), "no modal");
  }

  /**
   * Escaping makes pasted HTML or logs several times longer than the 2,500 characters an update may
   * have; Slack refuses a section over 3,000 for good, so the update was acked and never posted.
   */
  @Test
  void anUpdateThatEscapingMakesLongerIsPostedWhole() {
    Room room = declare("Long update");
    String pasted = "<td>a&b</td>".repeat(208); // 2,496 characters, 5,824 escaped
    AppLink.Reply reply = slack.app().command(alice, room.id, "update " + pasted);
    assertTrue(reply.text().contains("Update posted"), reply.text());

    TestApp.await("in the room", () -> !room.botPostsContaining("*Impact:*").isEmpty());
    Posted update = room.botPostsContaining("*Impact:*").get(0);
    StringBuilder shown = new StringBuilder();
    for (JsonNode block : update.blocks()) {
      String text = block.path("text").path("text").asText("");
      assertTrue(text.length() <= 3000, text.length() + " characters in one section");
      shown.append(text);
    }
    assertTrue(
        shown.toString().contains("*Impact:* " + Mrkdwn.escape(pasted)), "the whole update shown");
  }

  @Test
  void aPrivateIncidentsMirrorRevealsNothing() {
    slack.app().command(alice, general, "declare");
    TestApp.await(
        "modal",
        () ->
            slack.modals(alice).stream()
                .anyMatch(m -> m.open() && m.callbackId().equals(SlackIds.DECLARE_VIEW)));
    String view =
        slack.modals(alice).stream()
            .filter(m -> m.open() && m.callbackId().equals(SlackIds.DECLARE_VIEW))
            .findFirst()
            .orElseThrow()
            .id();
    Map<String, String> form = new HashMap<>();
    form.put(SlackIds.DECLARE_TITLE, "Secret rotation leak");
    form.put(SlackIds.DECLARE_SEVERITY, "SEV2");
    form.put(SlackIds.DECLARE_OPTIONS, SlackIds.OPTION_PRIVATE);
    slack.app().submit(alice, view, form);
    Room room = Room.awaitContaining(slack, "secret-rotation-leak");
    slack.app().command(alice, room.id, "update Rotated all partner keys");
    slack.app().command(alice, room.id, "resolve Keys rotated");
    TestApp.await(
        "private mirrors",
        () ->
            announced("A private incident posted a status update")
                && announced("A private incident is resolved"));
    slack
        .messages(announce)
        .forEach(
            m -> {
              assertFalse(m.allText().contains("partner keys"), m.allText());
              assertFalse(m.allText().contains("Secret rotation"), m.allText());
            });
  }

  @Test
  void theCardsMenuChangesSeverityEverywhere() {
    Room room = declare("Severity from card");
    AppLink.Reply reply =
        slack
            .app()
            .click(bob, room.id, room.card().ts(), "warroom_change_severity", id(room) + ":SEV1");
    assertEquals(200, reply.status());
    TestApp.await("card", () -> room.card().allText().contains("SEV1 · Severity from card"));
    TestApp.await("topic", () -> room.topic().startsWith("SEV1 |"));
    TestApp.await("announced", () -> announced("is now SEV1 (was SEV2)"));
    TimelineEntry change =
        app.bean(Timeline.class).all(id(room)).stream()
            .filter(e -> e.kind() == EntryKind.SEVERITY_CHANGED)
            .findFirst()
            .orElseThrow();
    assertEquals(bob, change.actor());
    assertTrue(
        change.data().contains("\"from\":\"SEV2\"") && change.data().contains("\"to\":\"SEV1\""));
  }

  @Test
  void tasksAreDelegatedListedAndDoneByWhoeverPressesDone() {
    Room room = declare("Delegated tasks");
    slack.app().command(alice, room.id, "task @bob Check the DB connection pool");
    slack.app().command(alice, room.id, "task @carol Draft the customer notice");
    TestApp.await("task posts", () -> room.botPostsContaining("*Task for").size() == 2);
    String tasks = slack.app().command(alice, room.id, "tasks").text();
    assertTrue(
        tasks.contains("Open tasks (2)") && tasks.contains("Check the DB connection pool"), tasks);
    Posted bobsTask = room.botPostsContaining("Check the DB connection pool").get(0);
    slack.app().click(carol, room.id, bobsTask.ts(), "warroom_task_done", null);
    TestApp.await(
        "task message shows done",
        () ->
            slack
                .message(room.id, bobsTask.ts())
                .orElseThrow()
                .allText()
                .contains("done by <@" + carol + ">"));
    assertFalse(
        slack.message(room.id, bobsTask.ts()).orElseThrow().allText().contains("warroom_task_done"),
        "no Done button once done");
    String after = slack.app().command(alice, room.id, "tasks").text();
    assertTrue(after.contains("Open tasks (1)") && !after.contains("Check the DB"), after);
    TimelineEntry done =
        app.bean(Timeline.class).all(id(room)).stream()
            .filter(e -> e.kind() == EntryKind.TASK_DONE)
            .findFirst()
            .orElseThrow();
    assertEquals(carol, done.actor());
  }

  @Test
  void mitigatedResolvedAndReopenedChangeTheCardAndRecordTheTimes() {
    Room room = declare("Full lifecycle");
    String card = room.card().allText();
    assertTrue(
        card.contains("\"confirm\"") && card.contains("Impact has stopped?"),
        "the buttons ask first");
    slack.app().click(bob, room.id, room.card().ts(), "warroom_mitigate", null);
    TestApp.await("mitigated on card", () -> room.card().allText().contains("*Mitigated*"));
    assertTrue(app.bean(IncidentService.class).find(id(room)).orElseThrow().mitigatedAt() != null);
    assertTrue(
        slack
            .app()
            .command(alice, room.id, "mitigated")
            .text()
            .contains("already marked as stopped"));
    slack.app().click(alice, room.id, room.card().ts(), "warroom_resolve", null);
    TestApp.await(
        "resolved on card and topic",
        () -> room.card().allText().contains("*Resolved*") && room.topic().contains("Resolved"));
    assertFalse(room.card().allText().contains("warroom_resolve"), "no buttons on a resolved card");
    TestApp.await("resolution announced", () -> announced("is resolved"));
    // The room's posts and the announce channel's go out side by side: wait for both.
    TestApp.await("every post delivered", () -> undelivered() == 0);

    int posts = room.botMessages().size();
    for (String command :
        new String[] {
          "ic @bob", "sev 1", "update More news", "task @bob x", "mitigated", "resolve"
        }) {
      String answer = slack.app().command(alice, room.id, command).text();
      assertTrue(answer.contains("resolved"), command + ": " + answer);
    }
    assertEquals(posts, room.botMessages().size(), "nothing changed");

    slack.app().command(bob, room.id, "reopen");
    TestApp.await("reopened", () -> room.card().allText().contains("*Investigating*"));
    assertEquals(
        Status.INVESTIGATING,
        app.bean(IncidentService.class).find(id(room)).orElseThrow().status());
    assertTrue(
        app.bean(Timeline.class).all(id(room)).stream()
            .anyMatch(e -> e.kind() == EntryKind.REOPENED && bob.equals(e.actor())));
    String list = slack.app().command(alice, general, "list").text();
    assertTrue(
        list.contains("Full lifecycle")
            && list.contains("Investigating")
            && list.contains("next update due"),
        list);
  }

  @Test
  void badInputIsRefusedWithWhatToTypeAndChangesNothing() {
    Room room = declare("Bad lifecycle input");
    int posts = room.botMessages().size();
    assertTrue(
        slack
            .app()
            .command(alice, room.id, "sev 5")
            .text()
            .contains("`5` is not a severity: 1 (worst) to 4"));
    assertTrue(slack.app().command(alice, room.id, "sev").text().contains("Say which severity"));
    assertTrue(
        slack
            .app()
            .command(alice, room.id, "task @nobody fix it")
            .text()
            .contains("could not find a Slack user"));
    assertTrue(slack.app().command(alice, room.id, "task @bob").text().contains("Add the text"));
    assertTrue(
        slack
            .app()
            .command(alice, room.id, "update " + "z".repeat(3000))
            .text()
            .contains("keep it to 2500"));
    assertTrue(
        slack.app().command(alice, general, "resolve").text().contains("in an incident's channel"));
    assertTrue(slack.app().command(alice, room.id, "reopen").text().contains("not resolved"));

    slack.app().command(alice, room.id, "update");
    TestApp.await(
        "modal",
        () ->
            slack.modals(alice).stream()
                .anyMatch(m -> m.open() && m.callbackId().equals(SlackIds.UPDATE_VIEW)));
    String view =
        slack.modals(alice).stream()
            .filter(m -> m.open() && m.callbackId().equals(SlackIds.UPDATE_VIEW))
            .findFirst()
            .orElseThrow()
            .id();
    for (String minutes : new String[] {"0", "-5", "1441", "soon"}) {
      Map<String, String> form =
          Map.of(
              SlackIds.UPDATE_STATUS,
              "IDENTIFIED",
              SlackIds.UPDATE_IMPACT,
              "EU only",
              SlackIds.UPDATE_NEXT_IN,
              minutes);
      AppLink.Reply reply = slack.app().submit(alice, view, form);
      assertTrue(
          reply.body().contains("\"response_action\":\"errors\"")
              && reply.body().contains(SlackIds.UPDATE_NEXT_IN),
          minutes + ": " + reply.body());
    }
    AppLink.Reply noImpact =
        slack
            .app()
            .submit(
                alice,
                view,
                Map.of(SlackIds.UPDATE_STATUS, "IDENTIFIED", SlackIds.UPDATE_NEXT_IN, "30"));
    assertTrue(noImpact.body().contains(SlackIds.UPDATE_IMPACT), noImpact.body());
    assertEquals(posts, room.botMessages().size(), "nothing was posted");
    assertEquals(
        Status.INVESTIGATING,
        app.bean(IncidentService.class).find(id(room)).orElseThrow().status());
  }
}
