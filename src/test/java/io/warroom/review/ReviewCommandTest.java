package io.warroom.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.warroom.fakeslack.FakeSlack;
import io.warroom.support.Room;
import io.warroom.support.TestApp;
import io.warroom.support.Whispers;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** {@code /incident review [N]} end to end: signed command in, Markdown file out. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReviewCommandTest {

  private FakeSlack slack;
  private TestApp app;
  private String alice;
  private String general;

  @BeforeAll
  void start() {
    slack = FakeSlack.start(TestApp.BOT_TOKEN, TestApp.SIGNING_SECRET);
    alice = slack.user("alice");
    slack.user("bob");
    general = slack.channel("general", false, alice, alice);
    app = TestApp.start(slack, TestApp.inMemoryDatabase(), Map.of());
  }

  @AfterAll
  void stop() {
    app.close();
  }

  private Optional<String> review(Room room) {
    return room.botMessages().stream()
        .flatMap(m -> m.files().stream())
        .map(f -> slack.fileContent(f).orElse(""))
        .filter(content -> content.startsWith("# Process review"))
        .findFirst();
  }

  @Test
  void theReviewOfTheResolvedIncidentIsUploadedWithItsPhases() {
    slack.app().command(alice, general, "declare sev2 Checkout is throwing 500s");
    Room room = Room.awaitContaining(slack, "checkout-is-throwing-500s");
    slack.app().command(alice, room.id, "ic @bob");
    slack.app().command(alice, room.id, "hypothesis the payment deploy broke TLS");
    slack.app().command(alice, room.id, "confirm H1 rollback fixed it");
    slack.app().command(alice, room.id, "mitigated Rolled back");
    slack.app().command(alice, room.id, "resolve Fixed by the rollback");
    slack.app().command(alice, room.id, "action Add an alert on checkout 5xx @bob");
    TestApp.await(
        "resolved", () -> room.botMessages().stream().anyMatch(m -> m.text().contains("Resolved")));

    // A drill, resolved later: the review leaves it out.
    slack.app().command(alice, general, "declare sev3 --drill Fire drill in the data centre");
    Room drill = Room.awaitContaining(slack, "fire-drill");
    slack.app().command(alice, drill.id, "resolve Drill over");
    TestApp.await(
        "the drill resolved",
        () -> drill.botMessages().stream().anyMatch(m -> m.text().contains("Resolved")));

    int whispers = Whispers.count(slack, alice);
    assertEquals(200, slack.app().command(alice, room.id, "review 3").status());
    Whispers.awaitNew(slack, alice, whispers, "Writing the review of the last 3");
    // The postmortem draft is a file in the room too; the review is the one that says so.
    TestApp.await(
        "the review file in the channel", Duration.ofSeconds(20), () -> review(room).isPresent());
    String md = review(room).orElseThrow();
    assertTrue(md.startsWith("# Process review: the last 1 resolved incident"), md);
    assertTrue(md.contains("Checkout is throwing 500s"), md);
    assertFalse(md.contains("Fire drill"), "drills are left out: " + md);
    assertTrue(md.contains("3 were asked for; only these are resolved"), md);
    assertTrue(md.contains("| Right hypothesis raised | 20"), md);
    assertTrue(md.contains("| Confirmed | 20"), md);
    assertTrue(md.contains("| Detected | not recorded | |"), md);
    assertTrue(md.contains("- Action items: 1 (0 done, 1 open, 0 won't do)"), md);
  }

  @Test
  void helpListsTheReview() {
    int whispers = Whispers.count(slack, alice);
    assertEquals(200, slack.app().command(alice, general, "help").status());
    Whispers.awaitNew(slack, alice, whispers, "review [N]");
  }

  @Test
  void aBadNIsExplainedAndUploadsNothing() {
    int uploads = slack.calls("files.completeUploadExternal").size();
    for (String bad : List.of("0", "21", "five", "-3", "2 3")) {
      int whispers = Whispers.count(slack, alice);
      assertEquals(200, slack.app().command(alice, general, "review " + bad).status());
      Whispers.awaitNew(slack, alice, whispers, "N is a whole number from 1 to 20");
    }
    TestApp.holds(
        "nothing uploaded",
        Duration.ofSeconds(1),
        () -> slack.calls("files.completeUploadExternal").size() == uploads);
  }
}
