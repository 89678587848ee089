package io.warroom.review;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.warroom.fakeslack.FakeSlack;
import io.warroom.support.Postgres;
import io.warroom.support.Room;
import io.warroom.support.TestApp;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The queries behind App Home and the process review on real PostgreSQL: a person's open tasks and
 * action items, the recently resolved incidents, the last N resolved, and the V90 index.
 */
class PostgresHomeAndReviewTest {

  @Test
  void homeAndReviewWorkOnPostgres() {
    FakeSlack slack = FakeSlack.start(TestApp.BOT_TOKEN, TestApp.SIGNING_SECRET);
    String alice = slack.user("alice");
    String bob = slack.user("bob");
    String general = slack.channel("general", false, alice, alice, bob);
    try (TestApp app = TestApp.start(slack, Postgres.newDatabase(), Map.of())) {
      slack.app().command(alice, general, "declare sev2 Queue backlog on Postgres");
      Room room = Room.awaitContaining(slack, "queue-backlog-on-postgres");
      slack.app().command(alice, room.id, "ic @bob");
      slack.app().command(alice, room.id, "task @bob Drain the dead letters");
      TestApp.await(
          "bob's Home with his role and task",
          () ->
              home(slack, bob).contains("Incident Commander")
                  && home(slack, bob).contains("Drain"));
      slack.app().command(alice, room.id, "resolve Drained");
      slack.app().command(alice, room.id, "action Alert on queue depth @bob");
      TestApp.await(
          "bob's Home with the resolved incident and his action item",
          () ->
              home(slack, bob).contains("Resolved in the last 14 days (1)")
                  && home(slack, bob).contains("Alert on queue depth"));

      slack.app().command(alice, room.id, "review");
      TestApp.await(
          "the review file", Duration.ofSeconds(20), () -> review(slack, room).isPresent());
      String md = review(slack, room).orElseThrow();
      assertTrue(md.contains("Queue backlog on Postgres"), md);
      assertTrue(md.contains("5 were asked for; only these are resolved"), md);
      assertTrue(md.contains("- Action items: 1 (0 done, 1 open, 0 won't do)"), md);
    }
  }

  private static String home(FakeSlack slack, String user) {
    return slack.home(user).map(Object::toString).orElse("");
  }

  private static Optional<String> review(FakeSlack slack, Room room) {
    return room.botMessages().stream()
        .flatMap(m -> m.files().stream())
        .map(f -> slack.fileContent(f).orElse(""))
        .filter(content -> content.startsWith("# Process review"))
        .findFirst();
  }
}
