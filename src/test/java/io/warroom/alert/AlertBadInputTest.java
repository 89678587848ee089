package io.warroom.alert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.warroom.support.TestApp;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * SPEC section 11: a missing or wrong token gets 401, a malformed or unknown payload 400 with a
 * one-line reason, over 1 MB 413; in every case nothing is stored.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AlertBadInputTest {

  private static final String TOKEN = "integration-token-b4d-1nput";
  private static final ObjectMapper JSON = new ObjectMapper();
  private TestApp app;

  @BeforeAll
  void start() {
    app = TestApp.start(Map.of("warroom.integration-token", TOKEN));
  }

  @AfterAll
  void stop() {
    app.close();
  }

  @AfterEach
  void nothingStored() {
    assertEquals(0, app.bean(AlertGroupRepository.class).count(), "nothing may be stored");
  }

  private HttpResponse<String> post(String path, String bearer, String body) {
    return Fixtures.post(app.url(path), bearer, body);
  }

  private static String error(HttpResponse<String> response) throws Exception {
    String error = JSON.readTree(response.body()).path("error").asText();
    assertFalse(error.isBlank(), response.body());
    assertFalse(error.contains("\n"), "one line: " + error);
    return error;
  }

  @ParameterizedTest(name = "{0} without or with a wrong token")
  @CsvSource({
    "/integrations/alertmanager,alertmanager/firing.json",
    "/integrations/grafana,grafana/firing.json"
  })
  void aMissingOrWrongTokenIs401(String path, String fixture) throws Exception {
    String body = Fixtures.read(fixture);
    for (String bearer : new String[] {null, "wrong-token", TOKEN + "x", TOKEN.substring(1), ""}) {
      HttpResponse<String> response = post(path, bearer, body);
      assertEquals(401, response.statusCode(), "token " + bearer);
      assertTrue(error(response).contains("WARROOM_INTEGRATION_TOKEN"));
    }
    HttpResponse<String> basic =
        Fixtures.send(
            java.net.http.HttpRequest.newBuilder(app.url(path))
                .header("Authorization", "Basic " + TOKEN)
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)));
    assertEquals(401, basic.statusCode());
  }

  @Test
  void aWrongRoutingKeyIs401() {
    HttpResponse<String> response =
        post(
            "/integrations/pagerduty/v2/enqueue", null, Fixtures.pagerDuty("trigger.json", "nope"));
    assertEquals(401, response.statusCode(), response.body());
    HttpResponse<String> none =
        post(
            "/integrations/pagerduty/v2/enqueue",
            null,
            Fixtures.read("pagerduty/trigger.json").replace("\"routing_key\": \"TOKEN\",", ""));
    assertEquals(401, none.statusCode(), none.body());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "invalid JSON|{\"version\": \"4\", \"groupKey\": |the body is not valid JSON",
        "not an object|[1, 2, 3]|the body is not a JSON object",
        "unknown JSON|{\"hello\": \"world\"}|not a Alertmanager webhook: \"version\" is missing",
        "another version|{\"version\": \"3\", \"groupKey\": \"g\"}|version \"3\" is not supported; expected \"4\"",
        "no groupKey|{\"version\": \"4\", \"status\": \"firing\", \"alerts\": []}|\"groupKey\" is missing or empty",
        "bad status|{\"version\": \"4\", \"groupKey\": \"g\", \"status\": \"on fire\", \"alerts\": []}|\"status\" must be \"firing\" or \"resolved\"",
        "no alerts|{\"version\": \"4\", \"groupKey\": \"g\", \"status\": \"firing\", \"alerts\": []}|\"alerts\" is missing or not a non-empty list",
        "label not a string|{\"version\": \"4\", \"groupKey\": \"g\", \"status\": \"firing\", \"alerts\": [{\"status\": \"firing\", \"labels\": {\"n\": 1}}]}|alerts[0]: \"labels.n\" is not a string",
        "bad time|{\"version\": \"4\", \"groupKey\": \"g\", \"status\": \"firing\", \"alerts\": [{\"status\": \"firing\", \"labels\": {}, \"startsAt\": \"yesterday\"}]}|alerts[0]: \"startsAt\" is not an RFC 3339 time",
        "empty body|''|the body is not",
      })
  void aMalformedOrUnknownPayloadIs400(String what, String body, String reason) throws Exception {
    HttpResponse<String> response = post("/integrations/alertmanager", TOKEN, body);
    assertEquals(400, response.statusCode(), what + ": " + response.body());
    assertTrue(error(response).contains(reason), error(response));
  }

  @Test
  void grafanasPayloadIsNotAnAlertmanagerOne() throws Exception {
    HttpResponse<String> response =
        post("/integrations/alertmanager", TOKEN, Fixtures.read("grafana/firing.json"));
    assertEquals(400, response.statusCode());
    assertTrue(error(response).contains("expected \"4\""));
    HttpResponse<String> other =
        post("/integrations/grafana", TOKEN, Fixtures.read("alertmanager/firing.json"));
    assertEquals(400, other.statusCode());
    assertTrue(error(other).contains("expected \"1\""));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "no action|{\"routing_key\": \"TOKEN\", \"dedup_key\": \"k\"}|\"event_action\" is missing",
        "unknown action|{\"routing_key\": \"TOKEN\", \"event_action\": \"escalate\"}|\"event_action\" must be trigger, acknowledge or resolve",
        "no payload|{\"routing_key\": \"TOKEN\", \"event_action\": \"trigger\"}|\"payload\" is missing",
        "no summary|{\"routing_key\": \"TOKEN\", \"event_action\": \"trigger\", \"payload\": {\"source\": \"s\", \"severity\": \"info\"}}|\"summary\" is missing or empty",
        "bad severity|{\"routing_key\": \"TOKEN\", \"event_action\": \"trigger\", \"payload\": {\"summary\": \"x\", \"source\": \"s\", \"severity\": \"sev1\"}}|\"payload.severity\" must be",
        "resolve without key|{\"routing_key\": \"TOKEN\", \"event_action\": \"resolve\"}|\"dedup_key\" is required to resolve",
        "invalid JSON|{\"routing_key\": |the body is not valid JSON",
      })
  void pagerDutyAnswersA400AsPagerDutyDoes(String what, String body, String reason)
      throws Exception {
    HttpResponse<String> response =
        post(
            "/integrations/pagerduty/v2/enqueue",
            null,
            body.replace("\"routing_key\": \"TOKEN\"", "\"routing_key\": \"" + TOKEN + "\""));
    assertEquals(400, response.statusCode(), what + ": " + response.body());
    JsonNode answer = JSON.readTree(response.body());
    assertEquals("invalid event", answer.path("status").asText());
    assertEquals("Event object is invalid", answer.path("message").asText());
    assertTrue(answer.path("errors").get(0).asText().contains(reason), response.body());
  }

  @Test
  void twoMegabytesAre413BeforeAnythingIsRead() {
    String firing = Fixtures.read("alertmanager/firing.json");
    String padded =
        firing.replace(
            "\"receiver\": \"warroom\"", "\"receiver\": \"" + "x".repeat(2 * 1024 * 1024) + "\"");
    for (String path :
        new String[] {
          "/integrations/alertmanager",
          "/integrations/grafana",
          "/integrations/pagerduty/v2/enqueue"
        }) {
      HttpResponse<String> response = post(path, TOKEN, padded);
      assertEquals(413, response.statusCode(), path);
    }
    assertTrue(
        post("/integrations/alertmanager", TOKEN, padded).body().contains("over 1 MB"),
        "a clear reason");
    assertTrue(
        post("/integrations/pagerduty/v2/enqueue", null, padded).body().contains("over 1 MB"),
        "PagerDuty-shaped");
    assertTrue(
        app.bean(io.micrometer.core.instrument.MeterRegistry.class)
                .counter(
                    "warroom.alerts.received", "source", "alertmanager", "outcome", "too_large")
                .count()
            >= 1,
        "counted");
  }

  @Test
  void withoutAConfiguredTokenEverythingIs401() throws Exception {
    try (TestApp off = TestApp.start(Map.of())) {
      for (String bearer : new String[] {null, "", TOKEN}) {
        HttpResponse<String> response =
            Fixtures.post(
                off.url("/integrations/alertmanager"),
                bearer,
                Fixtures.read("alertmanager/firing.json"));
        assertEquals(401, response.statusCode());
        assertTrue(error(response).contains("set WARROOM_INTEGRATION_TOKEN"));
      }
      for (String key : new String[] {"", TOKEN}) {
        assertEquals(
            401,
            Fixtures.post(
                    off.url("/integrations/pagerduty/v2/enqueue"),
                    null,
                    Fixtures.pagerDuty("trigger.json", key))
                .statusCode());
      }
      assertEquals(0, off.bean(AlertGroupRepository.class).count());
    }
  }
}
