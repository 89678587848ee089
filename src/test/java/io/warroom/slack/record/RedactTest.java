package io.warroom.slack.record;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.warroom.fakeslack.FakeSlack;
import io.warroom.fakeslack.Faults.Fault;
import io.warroom.room.WarRooms;
import io.warroom.support.Room;
import io.warroom.support.TestApp;
import io.warroom.timeline.EntryKind;
import io.warroom.timeline.Timeline;
import io.warroom.timeline.TimelineEntry;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * {@code /incident redact <text>} (SPEC sections 4 and 16): a password pasted into a note, an
 * update and a task leaves Warroom's posts (updated in place) and every table, and the timeline
 * records that a redaction was made, not what.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RedactTest {

  private static final String SECRET = "s3cr3t-pa55&<word>";

  private FakeSlack slack;
  private TestApp app;
  private String alice;
  private String bob;
  private String general;
  private String announce;

  @BeforeAll
  void start() {
    slack = FakeSlack.start(TestApp.BOT_TOKEN, TestApp.SIGNING_SECRET);
    alice = slack.user("alice");
    bob = slack.user("bob");
    general = slack.channel("general", false, alice, alice, bob);
    announce = slack.channel("status", false, alice, alice);
    app =
        TestApp.start(
            slack,
            TestApp.inMemoryDatabase(),
            // Patient enough that a post held back by the fake Slack is waited for, not retried.
            Map.of("warroom.announce-channel", announce, "slack.http-timeout", "8s"));
  }

  @AfterAll
  void stop() {
    app.close();
  }

  private boolean anywhereInSlack(String text) {
    return slack.channelNames().stream()
        .map(n -> slack.channelId(n).orElseThrow())
        .flatMap(c -> slack.messages(c).stream())
        .anyMatch(m -> m.allText().contains(text));
  }

  @Test
  void aPastedPasswordLeavesThePostsAndTheStore() throws Exception {
    slack.app().command(alice, general, "declare sev2 Leaked password");
    Room room = Room.awaitContaining(slack, "leaked-password");
    slack.join(bob, room.id);
    long id = app.bean(WarRooms.class).incidentIn(room.id).orElseThrow();
    slack.app().command(alice, room.id, "note the db password is " + SECRET);
    slack.app().command(alice, room.id, "update rotating " + SECRET + " now");
    slack.app().command(alice, room.id, "task @bob rotate " + SECRET);
    slack.app().command(alice, room.id, "action rotate " + SECRET + " everywhere");
    slack.app().command(alice, room.id, "hypothesis someone reused " + SECRET);
    String shown = "s3cr3t-pa55&amp;&lt;word&gt;"; // as Warroom's posts carry it
    TestApp.await("the task posted", () -> room.botPostsContaining("*Task for").size() == 1);
    TestApp.await("the board drawn", () -> !room.botPostsContaining("someone reused").isEmpty());
    TestApp.await(
        "the update mirrored",
        () ->
            !slack.messages(announce).isEmpty()
                && slack.messages(announce).stream().anyMatch(m -> m.allText().contains(shown)));
    assertTrue(anywhereInSlack(shown));

    String tooShort = slack.app().command(alice, room.id, "redact s3").text();
    assertTrue(tooShort.contains("at least"), tooShort);
    String answer = slack.app().command(alice, room.id, "redact " + SECRET).text();
    assertTrue(answer.contains("Removed it from"), answer);
    assertFalse(answer.contains("s3cr3t"), "the answer does not repeat it");

    try {
      TestApp.await("every post updated", () -> !anywhereInSlack("s3cr3t-pa55"));
    } catch (AssertionError e) {
      throw new AssertionError(
          slack.channelNames().stream()
              .map(n -> slack.channelId(n).orElseThrow())
              .flatMap(c -> slack.messages(c).stream())
              .filter(m -> m.allText().contains("s3cr3t-pa55"))
              .map(m -> m.allText())
              .toList()
              .toString(),
          e);
    }
    assertTrue(anywhereInSlack("[redacted]"));
    List<TimelineEntry> timeline = app.bean(Timeline.class).all(id);
    assertTrue(
        timeline.stream().anyMatch(e -> e.kind() == EntryKind.REDACTED && alice.equals(e.actor())),
        "the redaction is recorded");
    try (Connection c = DriverManager.getConnection(app.jdbcUrl, "sa", "");
        Statement s = c.createStatement()) {
      for (String[] column :
          new String[][] {
            {"timeline_entry", "text"},
            {"timeline_entry", "data"},
            {"task", "text"},
            {"action_item", "text"},
            {"hypothesis", "text"},
            {"outbox", "body"}
          }) {
        try (ResultSet r =
            s.executeQuery(
                "SELECT COUNT(*) FROM " + column[0] + " WHERE " + column[1] + " LIKE '%s3cr3t%'")) {
          r.next();
          assertTrue(r.getInt(1) == 0, column[0] + "." + column[1] + " still holds it");
        }
      }
    }
    String again = slack.app().command(alice, room.id, "redact " + SECRET).text();
    assertTrue(again.contains("nothing changed"), again);
  }

  /**
   * The redaction arrives while the post that holds the secret is on its way to Slack: the post
   * lands with it, and the update queued behind it takes it out.
   */
  @Test
  void aPostOnItsWayWhenTheRedactionArrivesIsUpdatedAfterItLands() {
    slack.app().command(alice, general, "declare sev2 Leak in flight");
    Room room = Room.awaitContaining(slack, "leak-in-flight");
    slack.join(bob, room.id);
    long id = app.bean(WarRooms.class).incidentIn(room.id).orElseThrow();
    TestApp.await("the room built", () -> room.card() != null);
    app.awaitSettled();
    String token = "tok-" + id + "-9f8e7d6c";
    slack.faults().inject("chat.postMessage", 1, Fault.slow(Duration.ofSeconds(2)));
    slack.app().command(alice, room.id, "task @bob revoke " + token);
    TestApp.await("the post on its way", () -> slack.faults().pending("chat.postMessage") == 0);
    String answer = slack.app().command(alice, room.id, "redact " + token).text();
    assertTrue(answer.contains("Removed it from"), answer);
    TestApp.await("the task posted", () -> room.botPostsContaining("*Task for").size() == 1);
    TestApp.await("the post updated", () -> !anywhereInSlack(token));
    assertTrue(room.botPostsContaining("*Task for").get(0).allText().contains("[redacted]"));
  }
}
