package io.warroom.slack.inbound;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.warroom.chat.ChatAction;
import io.warroom.fakeslack.AppLink;
import io.warroom.fakeslack.EventDelivery;
import io.warroom.fakeslack.FakeSlack;
import io.warroom.slack.SlackIds;
import io.warroom.support.Postgres;
import io.warroom.support.Room;
import io.warroom.support.TestApp;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL stops taking connections (as when its host is restarted or a failover is under way)
 * while people keep using Slack. Every kind of request is answered within Slack's 3 s and says
 * plainly what happened; an event that could not be stored is answered so that Slack sends it
 * again, and it is stored once the database is back.
 */
class DatabaseUnreachableTest {

  @Test
  void everyRequestIsAnsweredInTimeAndNothingAcknowledgedIsLost() throws Exception {
    String url = Postgres.newDatabase();
    String database = Postgres.nameOf(url);
    try (FakeSlack slack = FakeSlack.start(TestApp.BOT_TOKEN, TestApp.SIGNING_SECRET);
        TestApp app =
            TestApp.start(
                slack,
                url,
                // Production's patience, which TestApp lengthens for slow machines.
                Map.of("warroom.commands.patience", "2s"))) {
      slack.eventRetryDelay(Duration.ofSeconds(2));
      String alice = slack.user("alice");
      String general = slack.channel("general", false, alice, alice);
      slack.app().command(alice, general, "declare sev2 Database failover");
      Room room = Room.awaitContaining(slack, "database-failover");
      slack.app().command(alice, room.id, "update");
      TestApp.await("the Status Update modal", () -> updateModal(slack, alice).isPresent());
      String view = updateModal(slack, alice).orElseThrow();
      String cardTs = room.card().ts();

      try (Connection admin = Postgres.admin();
          Statement s = admin.createStatement()) {
        s.execute("ALTER DATABASE " + database + " ALLOW_CONNECTIONS false");
        s.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '"
                + database
                + "'");
        try {
          Timed note = timed(() -> slack.app().command(alice, room.id, "note Replica promoted"));
          assertEquals(200, note.reply().status());
          assertTrue(note.millis() < 3000, "command answered in " + note.millis() + " ms");
          assertTrue(note.reply().text().contains("database"), note.reply().text());

          int whispers = slack.ephemerals(alice).size();
          Timed click =
              timed(
                  () ->
                      slack
                          .app()
                          .click(
                              alice,
                              room.id,
                              cardTs,
                              SlackIds.actionId(ChatAction.MITIGATE),
                              null));
          assertEquals(200, click.reply().status());
          assertTrue(click.millis() < 3000, "button answered in " + click.millis() + " ms");
          TestApp.await(
              "the presser told their click did nothing",
              () ->
                  slack.ephemerals(alice).stream()
                      .skip(whispers)
                      .anyMatch(w -> w.text().contains("database")));

          Timed submit =
              timed(
                  () ->
                      slack
                          .app()
                          .submit(
                              alice,
                              view,
                              Map.of(
                                  SlackIds.UPDATE_STATUS,
                                  "IDENTIFIED",
                                  SlackIds.UPDATE_IMPACT,
                                  "Writes fail for a minute",
                                  SlackIds.UPDATE_NEXT_IN,
                                  "30")));
          assertEquals(200, submit.reply().status());
          assertTrue(submit.millis() < 3000, "modal answered in " + submit.millis() + " ms");
          assertTrue(
              submit.reply().body().contains("\"response_action\":\"errors\"")
                  && submit.reply().body().contains("database"),
              "the modal stays open and says why: " + submit.reply().body());

          int before = slack.eventDeliveries().size();
          slack.post(alice, room.id, "Failover started at 14:02", null);
          TestApp.await("the event delivered", () -> slack.eventDeliveries().size() > before);
          EventDelivery first = slack.eventDeliveries().get(before);
          assertTrue(first.status() >= 500, "Slack is told to send it again: " + first);
          assertTrue(first.millis() < 3000, "event answered in " + first.millis() + " ms");
        } finally {
          s.execute("ALTER DATABASE " + database + " ALLOW_CONNECTIONS true");
        }
      }

      TestApp.await(
          "the message stored once Slack sends it again",
          Duration.ofSeconds(30),
          () -> timelineEntries(url, "Failover started at 14:02") == 1);
      AppLink.Reply later = slack.app().command(alice, room.id, "note Failover done");
      assertTrue(later.text().contains("Noted"), later.text());
    }
  }

  private record Timed(AppLink.Reply reply, long millis) {}

  private static Timed timed(Supplier<AppLink.Reply> request) {
    long started = System.nanoTime();
    AppLink.Reply reply = request.get();
    return new Timed(reply, (System.nanoTime() - started) / 1_000_000);
  }

  private static Optional<String> updateModal(FakeSlack slack, String user) {
    return slack.modals(user).stream()
        .filter(m -> m.open() && m.callbackId().equals(SlackIds.UPDATE_VIEW))
        .map(FakeSlack.Modal::id)
        .findFirst();
  }

  private static int timelineEntries(String url, String text) {
    try (Connection db = DriverManager.getConnection(url, "postgres", "");
        PreparedStatement q =
            db.prepareStatement("SELECT COUNT(*) FROM timeline_entry WHERE text = ?")) {
      q.setString(1, text);
      try (ResultSet r = q.executeQuery()) {
        r.next();
        return r.getInt(1);
      }
    } catch (Exception e) {
      return -1;
    }
  }
}
