package io.warroom.slack.inbound;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.warroom.fakeslack.FakeSlack;
import io.warroom.fakeslack.RequestSigner;
import io.warroom.room.WarRooms;
import io.warroom.support.LogCapture;
import io.warroom.support.Room;
import io.warroom.support.TestApp;
import io.warroom.timeline.EntryKind;
import io.warroom.timeline.Timeline;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * SPEC section 16: a request is parsed only after its signature holds, a timestamp from the future
 * is as stale as one from the past, a signed request replayed within its five minutes has its
 * effect once, each refusal leaves one log line without the body, and a flood of them cannot fill
 * the disk.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SignedOnceTest {

  private static final String FORM = "application/x-www-form-urlencoded";

  private FakeSlack slack;
  private TestApp app;
  private String alice;
  private String bob;
  private String general;
  private final HttpClient http = HttpClient.newHttpClient();
  private final RequestSigner signer = new RequestSigner(TestApp.SIGNING_SECRET);

  @BeforeAll
  void start() {
    slack = FakeSlack.start(TestApp.BOT_TOKEN, TestApp.SIGNING_SECRET);
    alice = slack.user("alice");
    bob = slack.user("bob");
    general = slack.channel("general", false, alice, alice, bob);
    app = TestApp.start(slack, TestApp.inMemoryDatabase(), Map.of());
  }

  @AfterAll
  void stop() {
    app.close();
  }

  private HttpResponse<String> send(String body, String contentType, String ts, String signature)
      throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(app.url("/slack/events"))
            .header("Content-Type", contentType)
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (ts != null) {
      request.header("X-Slack-Request-Timestamp", ts);
    }
    if (signature != null) {
      request.header("X-Slack-Signature", signature);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static String now(long plusSeconds) {
    return String.valueOf(System.currentTimeMillis() / 1000 + plusSeconds);
  }

  @Test
  void aBadBodyWithABadSignatureIs401NotAStackTrace() throws Exception {
    try (LogCapture logs = LogCapture.start()) {
      HttpResponse<String> response =
          send("{\"type\": \"event_callback\", oops", "application/json", now(0), "v0=bad");
      assertEquals(401, response.statusCode(), response.body());
      assertFalse(response.body().contains("Exception"), response.body());
      assertFalse(logs.text().contains("Exception"), "no stack trace: " + logs.text());
    }
  }

  @Test
  void aSignedBodySlackNeverSendsIs400() throws Exception {
    String ts = now(0);
    String body = "{\"type\": \"event_callback\", oops";
    HttpResponse<String> response = send(body, "application/json", ts, signer.sign(ts, body));
    assertEquals(400, response.statusCode(), response.body());
  }

  @Test
  void aTimestampFromTheFutureIsRefusedLikeAStaleOne() throws Exception {
    String body = slack.app().commandBody(alice, general, "declare sev1 From the future");
    String future = now(10 * 60);
    assertEquals(401, send(body, FORM, future, signer.sign(future, body)).statusCode());
    // A declaration sent after it gets its room: by then the refused one would have had its own.
    slack.app().command(alice, general, "declare sev1 Sent after the future");
    Room.awaitContaining(slack, "sent-after-the-future");
    assertTrue(slack.channelNames().stream().noneMatch(n -> n.contains("from-the-future")));
  }

  @Test
  void aReplayedNoteUpdateTaskOrClickHasItsEffectOnce() throws Exception {
    slack.app().command(alice, general, "declare sev2 Replayed commands");
    Room room = Room.awaitContaining(slack, "replayed-commands");
    slack.join(bob, room.id);
    long id = app.bean(WarRooms.class).incidentIn(room.id).orElseThrow();
    for (String command :
        new String[] {
          "note Rolled back deploy 4521", "update Replays are refused", "task @bob Replay check"
        }) {
      String body = slack.app().commandBody(alice, room.id, command);
      String ts = now(0);
      String signature = signer.sign(ts, body);
      assertEquals(200, send(body, FORM, ts, signature).statusCode(), command);
      assertEquals(200, send(body, FORM, ts, signature).statusCode(), command + " again");
    }
    TestApp.await("task posted", () -> !room.botPostsContaining("Replay check").isEmpty());
    String mitigate =
        slack.app().clickBody(alice, room.id, room.card().ts(), "warroom_mitigate", null);
    String ts = now(0);
    send(mitigate, FORM, ts, signer.sign(ts, mitigate));
    send(mitigate, FORM, ts, signer.sign(ts, mitigate));
    TestApp.await("mitigated on card", () -> room.card().allText().contains("*Mitigated*"));
    // Everything the requests set going is done: no command at work, nothing left to post.
    TestApp.await(
        "all work done",
        () -> app.bean(CommandDeadline.class).busyThreads() == 0 && undelivered() == 0);
    Timeline timeline = app.bean(Timeline.class);
    for (EntryKind kind :
        new EntryKind[] {
          EntryKind.NOTE, EntryKind.STATUS_UPDATE, EntryKind.TASK_CREATED, EntryKind.MITIGATED
        }) {
      assertEquals(
          1, timeline.all(id).stream().filter(e -> e.kind() == kind).count(), kind + " once");
    }
    assertEquals(1, room.botPostsContaining("Replay check").size(), "one task post");
    assertEquals(1, room.botPostsContaining("Replays are refused").size(), "one update post");
  }

  @Test
  void eachRefusalIsOneLineWithoutTheBodyAndAFloodIsCapped() throws Exception {
    String secretText = "body-text-that-must-not-be-logged";
    String body = slack.app().commandBody(alice, general, "note " + secretText);
    try (LogCapture logs = LogCapture.start()) {
      send(body, FORM, now(0), "v0=" + "0".repeat(64));
      TestApp.await("a refusal logged", () -> logs.text().contains("Refused a Slack request"));
      assertEquals(
          1, logs.text().lines().filter(l -> l.contains("Refused a Slack request")).count());
      for (int i = 0; i < 200; i++) {
        send(body, FORM, now(0), "v0=" + "1".repeat(64));
      }
      long lines = logs.text().lines().filter(l -> l.contains("Refused a Slack request")).count();
      assertTrue(lines <= 20, lines + " lines for 201 refusals");
      assertFalse(logs.text().contains(secretText), "no body in the log");
    }
  }

  @Test
  void boltDoesNotLogAnUnmatchedRequestWhole() throws Exception {
    String forged = "x\n12:00:00.000 ERROR [main] io.warroom - FORGED LINE " + "A".repeat(100_000);
    String payload =
        "{\"type\":\"block_actions\",\"team\":{\"id\":\"T1\"},\"user\":{\"id\":\""
            + alice
            + "\"},\"api_app_id\":\"A1\",\"trigger_id\":\"1.2.3\",\"actions\":[{\"type\":\"button\","
            + "\"action_id\":"
            + com.fasterxml.jackson.databind.node.TextNode.valueOf(forged)
            + ",\"block_id\":\"b\",\"action_ts\":\"1\"}]}";
    String body =
        "payload=" + java.net.URLEncoder.encode(payload, java.nio.charset.StandardCharsets.UTF_8);
    try (LogCapture logs = LogCapture.start()) {
      String ts = now(0);
      // Bolt answers 404 for an action no listener handles.
      // Bolt logs (synchronously) before it answers, so the log is complete by now.
      assertEquals(404, send(body, FORM, ts, signer.sign(ts, body)).statusCode());
      assertFalse(logs.text().contains("FORGED LINE"), "the action id never reaches the log");
      assertTrue(logs.text().lines().allMatch(l -> l.length() < 2_500), "no line is long");
    }
  }

  @Test
  void aBodyOverOneMegabyteGets413() throws Exception {
    String body = "payload=" + "a".repeat(1_100_000);
    String ts = now(0);
    assertEquals(413, send(body, FORM, ts, signer.sign(ts, body)).statusCode());
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
}
