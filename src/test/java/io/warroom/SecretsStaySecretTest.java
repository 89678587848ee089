package io.warroom;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.warroom.alert.AlertSettings;
import io.warroom.api.ApiSettings;
import io.warroom.fakeslack.FakeSlack;
import io.warroom.fakeslack.RequestSigner;
import io.warroom.slack.SlackSettings;
import io.warroom.support.LogCapture;
import io.warroom.support.Room;
import io.warroom.support.TestApp;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * SPEC sections 15 and 16: no log line holds a token, the signing secret, a password or a request
 * body, whatever happens in a whole incident (forged and malformed requests included); and the
 * settings records print no secret.
 */
class SecretsStaySecretTest {

  private static final String API_TOKEN = "api-token-never-logged-5d1e";
  private static final String DB_PASSWORD = "db-password-never-logged-77a0";
  private static final String INTEGRATION_TOKEN = "integration-token-never-logged-9e3";
  private static final String PASTED = "hunter2-pasted-password-c0ffee";

  @Test
  void settingsRecordsPrintNoSecret() {
    String slack =
        new SlackSettings(
                Optional.of("xoxb-secret-bot-token"),
                Optional.of("secret-signing-secret"),
                Optional.of("xapp-secret-app-token"),
                "https://slack.com/api/",
                Duration.ofSeconds(10))
            .toString();
    for (String secret :
        List.of("xoxb-secret-bot-token", "secret-signing-secret", "xapp-secret-app-token")) {
      assertFalse(slack.contains(secret), slack);
    }
    assertTrue(slack.contains("https://slack.com/api/"), slack);
    String api = new ApiSettings(Optional.of(API_TOKEN)).toString();
    assertFalse(api.contains(API_TOKEN), api);
    String alerts = new AlertSettings(Optional.of(INTEGRATION_TOKEN), Map.of()).toString();
    assertFalse(alerts.contains(INTEGRATION_TOKEN), alerts);
  }

  @Test
  void aWholeIncidentLogsNoSecretAndNoBody() throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    String log;
    try (LogCapture logs = LogCapture.start()) {
      FakeSlack slack = FakeSlack.start(TestApp.BOT_TOKEN, TestApp.SIGNING_SECRET);
      String database = TestApp.inMemoryDatabase();
      try (TestApp app =
          TestApp.start(
              slack,
              database,
              Map.of(
                  "warroom.api-token", API_TOKEN,
                  "warroom.integration-token", INTEGRATION_TOKEN,
                  "datasources.default.password", DB_PASSWORD))) {
        String alice = slack.user("alice");
        String bob = slack.user("bob");
        String general = slack.channel("general", false, alice, alice, bob);
        slack.app().command(alice, general, "declare sev1 Leaky incident");
        Room room = Room.awaitContaining(slack, "leaky-incident");
        slack.join(bob, room.id);
        slack.post(alice, room.id, "the db password is " + PASTED, null);
        slack.app().command(alice, room.id, "note rotated " + PASTED);
        slack.app().command(alice, room.id, "update rotating " + PASTED);
        slack.app().command(alice, room.id, "task @bob rotate " + PASTED);
        slack.app().command(alice, room.id, "nonsense " + PASTED);
        slack.app().click(alice, room.id, room.card().ts(), "warroom_mitigate", null);

        // Forged, replayed, malformed and unmatched requests, all carrying the pasted secret.
        String body = slack.app().commandBody(alice, room.id, "note forged " + PASTED);
        String ts = String.valueOf(System.currentTimeMillis() / 1000);
        send(http, app, body, ts, "v0=" + "0".repeat(64), "application/x-www-form-urlencoded");
        String signature = new RequestSigner(TestApp.SIGNING_SECRET).sign(ts, body);
        send(http, app, body, ts, signature, "application/x-www-form-urlencoded");
        send(http, app, body, ts, signature, "application/x-www-form-urlencoded");
        String bad = "{\"type\":\"event_callback\",\"" + PASTED;
        send(
            http,
            app,
            bad,
            ts,
            new RequestSigner(TestApp.SIGNING_SECRET).sign(ts, bad),
            "application/json");
        String unmatched =
            "payload="
                + URLEncoder.encode(
                    "{\"type\":\"block_actions\",\"user\":{\"id\":\""
                        + alice
                        + "\"},\"team\":{\"id\":\"T1\"},\"actions\":[{\"action_id\":\""
                        + PASTED
                        + "\",\"block_id\":\"b\",\"type\":\"button\"}]}",
                    StandardCharsets.UTF_8);
        send(
            http,
            app,
            unmatched,
            ts,
            new RequestSigner(TestApp.SIGNING_SECRET).sign(ts, unmatched),
            "application/x-www-form-urlencoded");
        for (String token : new String[] {"wrong", API_TOKEN}) {
          http.send(
              HttpRequest.newBuilder(app.url("/api/incidents"))
                  .header("Authorization", "Bearer " + token)
                  .build(),
              HttpResponse.BodyHandlers.ofString());
        }

        // Alerts: accepted, refused and malformed, the token as bearer and as routing_key.
        for (String bearer : new String[] {"wrong", INTEGRATION_TOKEN}) {
          for (String alert :
              new String[] {
                "{\"version\":\"4\",\"groupKey\":\"g\",\"status\":\"firing\","
                    + "\"alerts\":[{\"status\":\"firing\",\"labels\":{\"p\":\""
                    + PASTED
                    + "\"}}]}",
                "{\"version\":\"4\",\"" + PASTED
              }) {
            http.send(
                HttpRequest.newBuilder(app.url("/integrations/alertmanager"))
                    .header("Authorization", "Bearer " + bearer)
                    .POST(HttpRequest.BodyPublishers.ofString(alert))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
          }
        }
        for (String pd :
            new String[] {
              "{\"routing_key\":\"" + INTEGRATION_TOKEN + "\",\"event_action\":\"" + PASTED + "\"}",
              "{\"routing_key\":\"" + INTEGRATION_TOKEN + "x\",\"event_action\":\"trigger\"}",
              "{\"routing_key\":\"" + INTEGRATION_TOKEN
            }) {
          http.send(
              HttpRequest.newBuilder(app.url("/integrations/pagerduty/v2/enqueue"))
                  .POST(HttpRequest.BodyPublishers.ofString(pd))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
        }

        slack.app().command(alice, room.id, "resolve rotated " + PASTED);
        TestApp.await(
            "the postmortem posted",
            Duration.ofSeconds(20),
            () -> room.botMessages().stream().anyMatch(m -> m.allText().contains("ostmortem")));
        slack.awaitEvents(Duration.ofSeconds(10));
      }
      log = logs.text();
    }
    assertTrue(log.contains("Refused a Slack request"), "the run was logged:\n" + log);
    for (String secret :
        List.of(
            TestApp.BOT_TOKEN,
            TestApp.SIGNING_SECRET,
            API_TOKEN,
            INTEGRATION_TOKEN,
            DB_PASSWORD,
            PASTED,
            "v0=" + "0".repeat(64))) {
      assertFalse(log.contains(secret), "the log holds " + secret + ":\n" + log);
    }
  }

  private static void send(
      HttpClient http, TestApp app, String body, String ts, String signature, String type)
      throws Exception {
    http.send(
        HttpRequest.newBuilder(app.url("/slack/events"))
            .header("Content-Type", type)
            .header("X-Slack-Request-Timestamp", ts)
            .header("X-Slack-Signature", signature)
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
