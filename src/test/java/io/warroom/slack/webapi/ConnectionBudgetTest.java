package io.warroom.slack.webapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.warroom.fakeslack.AppLink;
import io.warroom.fakeslack.FakeSlack;
import io.warroom.support.Async;
import io.warroom.support.Postgres;
import io.warroom.support.Room;
import io.warroom.support.TestApp;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * A flood of messages while the database holds their writes up (the timeline table locked) must not
 * take every connection: a declaration and {@code /health} still get theirs.
 */
class ConnectionBudgetTest {

  @Test
  void aFloodOfEventsTheDatabaseHoldsUpLeavesConnectionsForDeclarationsAndHealth()
      throws Exception {
    String url = Postgres.newDatabase();
    try (FakeSlack slack = FakeSlack.start(TestApp.BOT_TOKEN, TestApp.SIGNING_SECRET);
        TestApp app = TestApp.start(slack, url, Map.of("warroom.commands.patience", "2s"))) {
      String alice = slack.user("alice");
      String general = slack.channel("general", false, alice, alice);
      slack.app().command(alice, general, "declare sev2 Event flood");
      Room room = Room.awaitContaining(slack, "event-flood");

      try (Connection lock = DriverManager.getConnection(url, "postgres", "")) {
        lock.setAutoCommit(false);
        try (Statement s = lock.createStatement()) {
          s.execute("LOCK TABLE timeline_entry IN EXCLUSIVE MODE");
        }
        List<CompletableFuture<AppLink.Reply>> flood = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
          ObjectNode event =
              message(room.id, alice, "flood " + i, String.format("1700000000.%06d", i));
          flood.add(Async.run(() -> slack.sendEvent(event)));
        }
        for (CompletableFuture<AppLink.Reply> reply : flood) {
          assertTrue(reply.get().status() >= 500, "Slack will send it again");
        }

        long started = System.nanoTime();
        AppLink.Reply declared = slack.app().command(alice, general, "declare sev1 Second outage");
        long millis = (System.nanoTime() - started) / 1_000_000;
        assertTrue(declared.text().contains("Declared"), declared.text());
        assertTrue(millis < 3000, "declared in " + millis + " ms");
        assertEquals(200, health(app), "/health still finds a connection");
        lock.rollback();
      }
    }
  }

  private static ObjectNode message(String channel, String user, String text, String ts) {
    ObjectNode e = new ObjectMapper().createObjectNode();
    e.put("type", "message");
    e.put("channel", channel);
    e.put("user", user);
    e.put("text", text);
    e.put("ts", ts);
    e.put("event_ts", ts);
    e.put("channel_type", "channel");
    return e;
  }

  private static int health(TestApp app) throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(app.url("/health")).build(),
            HttpResponse.BodyHandlers.ofString())
        .statusCode();
  }
}
