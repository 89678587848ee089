package io.warroom.slack.inbound;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.warroom.fakeslack.RequestSigner;
import io.warroom.incident.IncidentRepository;
import io.warroom.support.TestApp;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Every request to {@code /slack/events} is verified: a missing, wrong or stale signature gets 401
 * and changes nothing.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RequestVerificationTest {

  private TestApp app;
  private final HttpClient http = HttpClient.newHttpClient();
  private String body;

  @BeforeAll
  void start() {
    app = TestApp.start();
    String alice = app.slack.user("alice");
    String general = app.slack.channel("general", false, alice, alice);
    body = app.slack.app().commandBody(alice, general, "declare sev1 Forged declaration");
  }

  @AfterAll
  void stop() {
    app.close();
  }

  private HttpResponse<String> send(String payload, Map<String, String> headers) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(app.url("/slack/events"))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(payload));
    headers.forEach(request::header);
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private long changes() {
    return app.slack.calls().stream().filter(c -> !c.method().equals("auth.test")).count();
  }

  private static String now() {
    return String.valueOf(System.currentTimeMillis() / 1000);
  }

  @Test
  void forgedRequestsGet401AndChangeNothing() throws Exception {
    long callsBefore = changes();
    RequestSigner wrongSecret = new RequestSigner("not-the-signing-secret");
    RequestSigner signer = new RequestSigner(TestApp.SIGNING_SECRET);
    String stale = String.valueOf(System.currentTimeMillis() / 1000 - 6 * 60);

    assertEquals(401, send(body, Map.of()).statusCode(), "no signature headers");
    assertEquals(
        401,
        send(body, Map.of("X-Slack-Request-Timestamp", now())).statusCode(),
        "timestamp without signature");
    assertEquals(
        401,
        send(
                body,
                Map.of(
                    "X-Slack-Request-Timestamp",
                    now(),
                    "X-Slack-Signature",
                    wrongSecret.sign(now(), body)))
            .statusCode(),
        "signed with another secret");
    assertEquals(
        401,
        send(
                body,
                Map.of(
                    "X-Slack-Request-Timestamp",
                    stale,
                    "X-Slack-Signature",
                    signer.sign(stale, body)))
            .statusCode(),
        "timestamp older than five minutes");
    String ts = now();
    assertEquals(
        401,
        send(
                body + "&text=tampered",
                Map.of("X-Slack-Request-Timestamp", ts, "X-Slack-Signature", signer.sign(ts, body)))
            .statusCode(),
        "body changed after signing");

    TestApp.holds(
        "no incident, and no Slack calls beyond Bolt's own auth.test",
        Duration.ofMillis(300),
        () -> app.bean(IncidentRepository.class).count() == 0 && changes() == callsBefore);
  }

  @Test
  void aProperlySignedRequestIsAccepted() throws Exception {
    String ts = now();
    String verification =
        "{\"token\":\"x\",\"challenge\":\"3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P\",\"type\":\"url_verification\"}";
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(app.url("/slack/events"))
                .header("Content-Type", "application/json")
                .header("X-Slack-Request-Timestamp", ts)
                .header(
                    "X-Slack-Signature",
                    new RequestSigner(TestApp.SIGNING_SECRET).sign(ts, verification))
                .POST(HttpRequest.BodyPublishers.ofString(verification))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertEquals(200, response.statusCode());
    assertEquals("3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P", response.body());
  }

  @Test
  void ourSignerMatchesSlacksPublishedExample() throws Exception {
    JsonNode vector;
    try (InputStream in =
        getClass().getResourceAsStream("/slack/signing/slack-docs-test-vector.json")) {
      vector = new ObjectMapper().readTree(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
    String signature =
        new RequestSigner(vector.get("signing_secret").asText())
            .sign(
                vector.get("x_slack_request_timestamp").asText(), vector.get("raw_body").asText());
    assertEquals(vector.get("x_slack_signature").asText(), signature);
    assertTrue(signature.startsWith("v0="));
  }
}
