package io.warroom.postmortem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.warroom.fakeslack.FakeSlack;
import io.warroom.fakeslack.Faults.Fault;
import io.warroom.fakeslack.SlackSimulator.Posted;
import io.warroom.support.Room;
import io.warroom.support.TestApp;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Action items and the follow-through after resolution: the review reminder, weekly nudges. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FollowUpTest {

  private TestApp app;
  private FakeSlack slack;
  private String alice;
  private String bob;
  private String general;

  @BeforeAll
  void start() {
    app = TestApp.start(Map.of("warroom.postmortem-due", "3s", "warroom.scheduler-tick", "200ms"));
    slack = app.slack;
    alice = slack.user("alice");
    bob = slack.user("bob");
    general = slack.channel("general", false, alice, alice, bob);
  }

  @AfterAll
  void stop() {
    app.close();
  }

  private Room declare(String title) {
    slack.app().command(alice, general, "declare sev2 " + title);
    Room room = Room.awaitContaining(slack, title.toLowerCase().replace(' ', '-'));
    slack.join(bob, room.id);
    return room;
  }

  @Test
  void actionItemsAreTrackedAndTheReviewIsRemindedOnceWithTheOpenOnes() {
    Room room = declare("Follow through");
    slack.app().command(alice, room.id, "action Add DB CPU alarms at 80% @bob");
    slack.app().command(alice, room.id, "action Write the rollback runbook");
    TestApp.await(
        "echoed with buttons", () -> room.botPostsContaining(":dart: *Action item:*").size() == 2);
    Posted runbook = room.botPostsContaining("Write the rollback runbook").get(0);
    assertTrue(
        runbook.allText().contains("warroom_action_done")
            && runbook.allText().contains("warroom_action_wont_do"));
    slack.app().command(alice, room.id, "resolve Fixed");
    slack.app().command(alice, room.id, "action Review alert thresholds quarterly @alice");
    TestApp.await(
        "recorded after resolve",
        () -> room.botPostsContaining("Review alert thresholds quarterly").size() == 1);
    slack.app().click(bob, room.id, runbook.ts(), "warroom_action_wont_do", null);
    TestApp.await(
        "closed in place",
        () ->
            slack
                .message(room.id, runbook.ts())
                .orElseThrow()
                .allText()
                .contains("Won't do · by <@" + bob + ">"));
    String actions = slack.app().command(alice, room.id, "actions").text();
    assertTrue(
        actions.contains("Action items (3, 2 open)") && actions.contains("Won't do"), actions);

    TestApp.await(
        "review reminder",
        Duration.ofSeconds(8),
        () -> !room.botPostsContaining("The postmortem review is due").isEmpty());
    Posted review = room.botPostsContaining("The postmortem review is due").get(0);
    assertTrue(
        review.allText().contains("Add DB CPU alarms at 80% — <@" + bob + ">"), review.allText());
    assertTrue(!review.allText().contains("rollback runbook"), "closed items are not listed");
    TestApp.holds(
        "reminded once",
        Duration.ofSeconds(1),
        () -> room.botPostsContaining("The postmortem review is due").size() == 1);
  }

  @Test
  void openActionItemsOfResolvedIncidentsNudgeTheirOwnersWeekly() throws Exception {
    Room room = declare("Weekly nudge");
    slack.app().command(alice, room.id, "action Rotate the DB credentials @bob");
    slack.app().command(alice, room.id, "resolve Done");
    TestApp.await("echo", () -> !room.botPostsContaining("Rotate the DB credentials").isEmpty());
    // A week passes: move the first reminder into the past rather than wait for it.
    int moved =
        execute(
            "UPDATE action_item SET next_reminder_at = ? WHERE text = 'Rotate the DB credentials'",
            Instant.now().minusSeconds(1));
    assertEquals(1, moved);
    TestApp.await(
        "weekly reminder",
        Duration.ofSeconds(5),
        () ->
            !room.botPostsContaining("this action item from the incident is still open").isEmpty());
    Posted nudge =
        room.botPostsContaining("this action item from the incident is still open").get(0);
    assertTrue(
        nudge.allText().contains("<@" + bob + ">")
            && nudge.allText().contains("Rotate the DB credentials"));
    TestApp.holds(
        "next one a week later",
        Duration.ofSeconds(1),
        () ->
            room.botPostsContaining("this action item from the incident is still open").size()
                == 1);
  }

  @Test
  void aLostAnswerWhileSharingTheDraftStillSharesItOnce() {
    Room room = declare("Upload lost answer");
    slack.faults().inject("files.getUploadURLExternal", 1, Fault.serverError());
    slack.faults().inject("files.completeUploadExternal", 1, Fault.serverErrorAfter());
    slack.app().command(alice, room.id, "resolve Done");
    TestApp.await("draft shared", Duration.ofSeconds(10), () -> files(room).size() == 1);
    TestApp.holds("not shared twice", Duration.ofMillis(1500), () -> files(room).size() == 1);
  }

  private static List<Posted> files(Room room) {
    return room.botMessages().stream().filter(m -> !m.files().isEmpty()).toList();
  }

  private int execute(String sql, Instant at) throws Exception {
    try (Connection c = java.sql.DriverManager.getConnection(app.jdbcUrl, "sa", "");
        PreparedStatement s = c.prepareStatement(sql)) {
      s.setTimestamp(1, Timestamp.from(at));
      return s.executeUpdate();
    }
  }
}
