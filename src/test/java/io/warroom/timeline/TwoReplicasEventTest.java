package io.warroom.timeline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.warroom.fakeslack.FakeSlack;
import io.warroom.fakeslack.RequestSigner;
import io.warroom.room.WarRooms;
import io.warroom.support.Postgres;
import io.warroom.support.Room;
import io.warroom.support.TestApp;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * Two replicas on one PostgreSQL receive the same event at the same moment (a retry routed to the
 * other replica): it is stored once, by database constraints, not by memory.
 */
class TwoReplicasEventTest {

  @Test
  void theSameEventAtTwoReplicasIsStoredOnce() throws Exception {
    String db = Postgres.newDatabase();
    try (FakeSlack slack = FakeSlack.start(TestApp.BOT_TOKEN, TestApp.SIGNING_SECRET)) {
      String alice = slack.user("alice");
      String general = slack.channel("general", false, alice, alice);
      TestApp a = TestApp.start(slack, db, Map.of());
      TestApp b = TestApp.start(slack, db, Map.of());
      try {
        slack.connect(URI.create("http://127.0.0.1:" + a.server.getPort() + "/slack/events"));
        slack.app().command(alice, general, "declare sev2 Twice delivered");
        Room room = Room.awaitContaining(slack, "twice-delivered");
        long incident = a.bean(WarRooms.class).incidentIn(room.id).orElseThrow();
        slack.eventsEnabled(false);
        HttpClient http = HttpClient.newHttpClient();
        RequestSigner signer = new RequestSigner(TestApp.SIGNING_SECRET);
        for (int n = 0; n < 30; n++) {
          String ts = (System.currentTimeMillis() / 1000) + "." + String.format("%06d", n);
          String sameId = envelope(room.id, ts, alice, "Ev0SAME" + n);
          String otherId = envelope(room.id, ts, alice, "Ev0OTHER" + n);
          List<CompletableFuture<HttpResponse<String>>> sends =
              List.of(
                  send(http, signer, a, sameId),
                  send(http, signer, b, sameId),
                  send(http, signer, a, otherId),
                  send(http, signer, b, otherId));
          for (CompletableFuture<HttpResponse<String>> s : sends) {
            assertEquals(200, s.get().statusCode(), s.get().body());
          }
        }
        Timeline timeline = a.bean(Timeline.class);
        assertEquals(
            30, timeline.all(incident).stream().filter(e -> e.kind() == EntryKind.MESSAGE).count());
      } finally {
        a.stopApp();
        b.stopApp();
      }
    }
  }

  private static CompletableFuture<HttpResponse<String>> send(
      HttpClient http, RequestSigner signer, TestApp replica, String body) {
    String ts = String.valueOf(System.currentTimeMillis() / 1000);
    return http.sendAsync(
        HttpRequest.newBuilder(replica.url("/slack/events"))
            .header("Content-Type", "application/json")
            .header("X-Slack-Request-Timestamp", ts)
            .header("X-Slack-Signature", signer.sign(ts, body))
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static String envelope(String channel, String ts, String user, String eventId) {
    ObjectMapper json = new ObjectMapper();
    ObjectNode envelope = json.createObjectNode();
    envelope.put("token", "t");
    envelope.put("team_id", "T0SANDBOX1");
    envelope.put("api_app_id", "A0WARROOM1");
    ObjectNode event = envelope.putObject("event");
    event.put("type", "message");
    event.put("channel", channel);
    event.put("user", user);
    event.put("text", "same message " + ts);
    event.put("ts", ts);
    event.put("event_ts", ts);
    event.put("channel_type", "channel");
    envelope.put("type", "event_callback");
    envelope.put("event_id", eventId);
    envelope.put("event_time", System.currentTimeMillis() / 1000);
    return envelope.toString();
  }
}
