package io.warroom.alert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.warroom.support.TestApp;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * SPEC section 11, alerts in: the Alertmanager and Grafana webhooks and the PagerDuty Events API
 * v2, fed the payloads of the integration reference pack. Each group is one row, following its
 * notifications; a repeat changes nothing.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AlertIntakeTest {

  static final String TOKEN = "integration-token-5d1e07";
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

  private HttpResponse<String> alertmanager(String body) {
    return Fixtures.post(app.url("/integrations/alertmanager"), TOKEN, body);
  }

  private AlertGroup group(AlertSource source, String key) {
    return app.bean(AlertGroups.class).find(source, key).orElseThrow();
  }

  private long rows(AlertSource source, String key) {
    return app.bean(AlertGroupRepository.class).findAll().stream()
        .filter(g -> g.source().equals(source.key()) && g.sourceKey().equals(key))
        .count();
  }

  private static String outcome(HttpResponse<String> response) throws Exception {
    return JSON.readTree(response.body()).path("outcome").asText();
  }

  @Test
  void alertmanagerFiringResolvedFiringAgainIsOneGroupFollowingItsState() throws Exception {
    String key = "{}/{severity=\"critical\"}:{alertname=\"HighErrorRate\"}";
    String firing = Fixtures.read("alertmanager/firing.json");
    String resolved = Fixtures.read("alertmanager/resolved.json");

    HttpResponse<String> first = alertmanager(firing);
    assertEquals(200, first.statusCode(), first.body());
    assertEquals("created", outcome(first));
    AlertGroup g = group(AlertSource.ALERTMANAGER, key);
    assertEquals("firing", g.status());
    assertEquals(1, g.firingCount());
    assertEquals("SEV2", g.severity(), "severity=critical maps to sev2 by default");
    assertEquals("Checkout 5xx above 5%", g.summary());
    assertEquals("https://runbooks.example.com/checkout-5xx", g.runbookUrl());
    assertEquals(Instant.parse("2026-12-06T02:47:00.123Z"), g.startedAt());
    assertTrue(g.generatorUrl().startsWith("http://prometheus.example.com:9090/graph"));

    HttpResponse<String> repeat = alertmanager(firing);
    assertEquals(200, repeat.statusCode());
    assertEquals("unchanged", outcome(repeat));
    assertEquals(
        g, group(AlertSource.ALERTMANAGER, key), "a repeated notification changes nothing");

    assertEquals("updated", outcome(alertmanager(resolved)));
    AlertGroup r = group(AlertSource.ALERTMANAGER, key);
    assertEquals("resolved", r.status());
    assertEquals(0, r.firingCount());
    assertEquals("2026-12-06T03:02:00Z", GroupStates.alerts(r.alerts()).get(0).endsAt());

    assertEquals("updated", outcome(alertmanager(firing)));
    AlertGroup again = group(AlertSource.ALERTMANAGER, key);
    assertEquals("firing", again.status());
    assertEquals(1, again.firingCount());
    assertEquals(g.id(), again.id());
    assertEquals(g.receivedAt(), again.receivedAt());
    assertEquals(1, rows(AlertSource.ALERTMANAGER, key));
  }

  @Test
  void aGroupOfThreeWithOneResolvedFiresTwo() throws Exception {
    String key = "{}:{alertname=\"DiskFillingUp\"}";
    assertEquals("created", outcome(alertmanager(Fixtures.read("alertmanager/three-alerts.json"))));
    AlertGroup three = group(AlertSource.ALERTMANAGER, key);
    assertEquals(3, three.firingCount());
    assertEquals(3, three.alertCount());
    assertEquals("SEV2", three.severity(), "the worst firing alert (critical) decides");
    assertEquals("Disk on db-1 will be full within 4h", three.summary());
    assertEquals(Instant.parse("2026-12-06T01:10:00.123456Z"), three.startedAt());
    assertEquals(
        "unchanged",
        outcome(alertmanager(Fixtures.read("alertmanager/three-alerts.json"))),
        "Go's nanosecond times must not make a repeat look new");
    JsonNode reordered = JSON.readTree(Fixtures.read("alertmanager/three-alerts.json"));
    com.fasterxml.jackson.databind.node.ArrayNode list =
        (com.fasterxml.jackson.databind.node.ArrayNode) reordered.get("alerts");
    list.insert(0, list.remove(2));
    assertEquals(
        "unchanged",
        outcome(alertmanager(JSON.writeValueAsString(reordered))),
        "the same alerts in another order are the same notification");

    assertEquals(
        "updated",
        outcome(alertmanager(Fixtures.read("alertmanager/three-alerts-one-resolved.json"))));
    AlertGroup two = group(AlertSource.ALERTMANAGER, key);
    assertEquals("firing", two.status());
    assertEquals(2, two.firingCount());
    assertEquals(3, two.alertCount());
    assertEquals("SEV3", two.severity(), "only warnings still fire");
    assertEquals("Disk on db-2 will be full within 4h", two.summary());
    assertEquals(1, rows(AlertSource.ALERTMANAGER, key));
  }

  @Test
  void grafanasPayloadIsAGroupOfItsOwn() throws Exception {
    HttpResponse<String> response =
        Fixtures.post(
            app.url("/integrations/grafana"), TOKEN, Fixtures.read("grafana/firing.json"));
    assertEquals(200, response.statusCode(), response.body());
    AlertGroup g = group(AlertSource.GRAFANA, "{}/{}:{alertname=\"HighErrorRate\"}");
    assertEquals("firing", g.status());
    assertEquals("SEV2", g.severity());
    assertEquals("Checkout 5xx above 5%", g.summary());
    assertEquals("https://runbooks.example.com/checkout-5xx", g.runbookUrl());
    assertEquals("https://grafana.example.com/alerting/grafana/abc123/view", g.generatorUrl());
    Alert alert = GroupStates.alerts(g.alerts()).get(0);
    assertEquals("https://grafana.example.com/d/checkout", alert.dashboardURL());
    assertTrue(alert.silenceURL().startsWith("https://grafana.example.com/alerting/silence/new"));
    assertNull(alert.endsAt(), "Grafana's zero endsAt means still firing");
  }

  @Test
  void pagerDutyTriggerAcknowledgeResolveFollowOneDedupKey() throws Exception {
    String url = "/integrations/pagerduty/v2/enqueue";
    HttpResponse<String> trigger =
        Fixtures.post(app.url(url), null, Fixtures.pagerDuty("trigger.json", TOKEN));
    assertEquals(202, trigger.statusCode(), trigger.body());
    assertEquals(
        Map.of("status", "success", "message", "Event processed", "dedup_key", "samplekeyhere"),
        JSON.readValue(trigger.body(), Map.class));
    AlertGroup t = group(AlertSource.PAGERDUTY, "samplekeyhere");
    assertEquals("firing", t.status());
    assertEquals("SEV3", t.severity(), "PagerDuty severity error maps to sev3");
    assertEquals("Example alert on host1.example.com", t.summary());
    assertEquals(Instant.parse("2015-07-17T08:42:58.315Z"), t.startedAt());
    assertEquals("https://monitoring.example.com", t.generatorUrl());
    assertNull(t.acknowledgedAt());

    HttpResponse<String> ack =
        Fixtures.post(app.url(url), null, Fixtures.pagerDuty("acknowledge.json", TOKEN));
    assertEquals(202, ack.statusCode(), ack.body());
    AlertGroup a = group(AlertSource.PAGERDUTY, "samplekeyhere");
    assertEquals("firing", a.status());
    assertNotNull(a.acknowledgedAt());
    Fixtures.post(app.url(url), null, Fixtures.pagerDuty("acknowledge.json", TOKEN));
    assertEquals(a, group(AlertSource.PAGERDUTY, "samplekeyhere"), "a second ack changes nothing");

    HttpResponse<String> resolve =
        Fixtures.post(app.url(url), null, Fixtures.pagerDuty("resolve.json", TOKEN));
    assertEquals(202, resolve.statusCode(), resolve.body());
    AlertGroup r = group(AlertSource.PAGERDUTY, "samplekeyhere");
    assertEquals("resolved", r.status());
    assertEquals(0, r.firingCount());
    assertEquals(1, rows(AlertSource.PAGERDUTY, "samplekeyhere"));

    // A new trigger re-opens the group, unacknowledged.
    Fixtures.post(app.url(url), null, Fixtures.pagerDuty("trigger.json", TOKEN));
    AlertGroup reopened = group(AlertSource.PAGERDUTY, "samplekeyhere");
    assertEquals("firing", reopened.status());
    assertNull(reopened.acknowledgedAt());
    assertEquals(1, rows(AlertSource.PAGERDUTY, "samplekeyhere"));
  }

  @Test
  void pagerDutyWithoutDedupKeyGetsOneAndUnknownKeysAreDropped() throws Exception {
    String url = "/integrations/pagerduty/v2/enqueue";
    String noKey =
        "{\"routing_key\":\""
            + TOKEN
            + "\",\"event_action\":\"trigger\",\"payload\":{\"summary\":\"Queue backed up\","
            + "\"source\":\"worker-7\",\"severity\":\"critical\"}}";
    HttpResponse<String> trigger = Fixtures.post(app.url(url), null, noKey);
    assertEquals(202, trigger.statusCode(), trigger.body());
    String key = JSON.readTree(trigger.body()).path("dedup_key").asText();
    assertEquals(32, key.length());
    assertEquals("SEV2", group(AlertSource.PAGERDUTY, key).severity());
    assertNotNull(group(AlertSource.PAGERDUTY, key).startedAt());

    long before = app.bean(AlertGroupRepository.class).count();
    String resolveUnknown =
        "{\"routing_key\":\""
            + TOKEN
            + "\",\"dedup_key\":\"never-seen\",\"event_action\":\"resolve\"}";
    HttpResponse<String> resolve = Fixtures.post(app.url(url), null, resolveUnknown);
    assertEquals(202, resolve.statusCode(), "PagerDuty accepts and drops it");
    assertEquals(before, app.bean(AlertGroupRepository.class).count());
  }

  @Test
  void labelsWithMentionsAndMarkdownAreStoredVerbatim() throws Exception {
    String body = Fixtures.read("alertmanager/hostile-labels.json");
    assertEquals(200, alertmanager(body).statusCode());
    JsonNode sent = JSON.readTree(body).path("alerts").get(0);
    AlertGroup g = group(AlertSource.ALERTMANAGER, "{}:{alertname=\"<!channel> *boom*\"}");
    Alert stored = GroupStates.alerts(g.alerts()).get(0);
    assertEquals(JSON.convertValue(sent.path("labels"), Map.class), stored.labels());
    assertEquals(JSON.convertValue(sent.path("annotations"), Map.class), stored.annotations());
    assertEquals(sent.path("annotations").path("summary").asText(), g.summary());
    assertEquals("javascript:alert(1)", g.runbookUrl(), "stored as sent; output decides");
    assertEquals("SEV1", g.severity(), "warroom_severity wins over everything");
  }

  @Test
  void aGroupOfTenThousandAlertsIsOneRowWithTheRightCount() throws Exception {
    StringBuilder alerts = new StringBuilder();
    for (int i = 0; i < 10_000; i++) {
      String status = i % 4 == 0 ? "resolved" : "firing";
      alerts
          .append(i == 0 ? "" : ",")
          .append("{\"status\":\"")
          .append(status)
          .append("\",\"labels\":{\"alertname\":\"PodCrash\",\"pod\":\"p")
          .append(i)
          .append("\"},\"startsAt\":\"2026-12-06T02:47:00Z\"}");
    }
    String body =
        "{\"version\":\"4\",\"groupKey\":\"{}:{alertname=\\\"PodCrash\\\"}\",\"status\":\"firing\","
            + "\"alerts\":["
            + alerts
            + "]}";
    assertTrue(body.length() < 1024 * 1024, "fits the 1 MB limit: " + body.length());
    HttpResponse<String> response = alertmanager(body);
    assertEquals(200, response.statusCode(), response.body());
    AlertGroup g = group(AlertSource.ALERTMANAGER, "{}:{alertname=\"PodCrash\"}");
    assertEquals(7_500, g.firingCount());
    assertEquals(10_000, g.alertCount());
    assertEquals(10_000, GroupStates.alerts(g.alerts()).size());
    assertEquals("unchanged", outcome(alertmanager(body)));
  }

  @Test
  void receivedNotificationsAreCounted() {
    String body =
        Fixtures.read("grafana/firing.json").replace("HighErrorRate\\\"}", "Counted\\\"}");
    Fixtures.post(app.url("/integrations/grafana"), TOKEN, body);
    Fixtures.post(app.url("/integrations/grafana"), "wrong", body);
    MeterRegistry meters = app.bean(MeterRegistry.class);
    assertTrue(
        meters.counter("warroom.alerts.received", "source", "grafana", "outcome", "created").count()
            >= 1);
    assertTrue(
        meters
                .counter("warroom.alerts.received", "source", "grafana", "outcome", "unauthorized")
                .count()
            >= 1);
    HttpResponse<String> scrape = Fixtures.get(app.url("/metrics"));
    assertTrue(
        scrape
            .body()
            .contains("warroom_alerts_received_total{outcome=\"created\",source=\"grafana\"}"),
        scrape.body());
  }
}
