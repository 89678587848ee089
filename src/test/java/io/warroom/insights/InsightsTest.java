package io.warroom.insights;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.warroom.incident.ActionItem;
import io.warroom.incident.ActionItemService;
import io.warroom.incident.ActionStatus;
import io.warroom.incident.DeclareRequest;
import io.warroom.incident.IncidentService;
import io.warroom.incident.Severity;
import io.warroom.incident.StatusUpdate;
import io.warroom.support.AlertPayloads;
import io.warroom.support.MovableClockFactory.MovableClock;
import io.warroom.support.TestApp;
import io.warroom.triage.Triage;
import io.warroom.triage.TriagedGroup;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A history of 40 incidents over six months (May to October 2026), built through Warroom's own
 * services with a clock the test moves, and the figures of July and September computed by hand (see
 * the comments) and asserted exactly through {@code GET /api/insights}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InsightsTest {

  private static final String TOKEN = "api-token-insights-5e1d";
  private static final String ALERTS = "integration-token-insights-77c2";
  private static final String ALICE = "U0ALICE01";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpClient http = HttpClient.newHttpClient();
  private final AtomicInteger keys = new AtomicInteger();
  private TestApp app;
  private MovableClock clock;
  private IncidentService incidents;
  private ActionItemService items;
  private Triage triage;
  private int declared;

  @BeforeAll
  void buildHistory() {
    Map<String, Object> settings = new HashMap<>();
    settings.put("test.movable-clock", "true");
    settings.put("warroom.api-token", TOKEN);
    settings.put("warroom.integration-token", ALERTS);
    // Reminders are posted by the test (as the heartbeat would), at known times.
    for (String sev : new String[] {"sev1", "sev2", "sev3", "sev4"}) {
      settings.put("warroom.heartbeat." + sev, "off");
    }
    app = TestApp.start(settings);
    clock = (MovableClock) app.bean(java.time.Clock.class);
    incidents = app.bean(IncidentService.class);
    items = app.bean(ActionItemService.class);
    triage = app.bean(Triage.class);

    filler("2026-05", 6);
    filler("2026-06", 7);
    july();
    filler("2026-08", 6);
    september();
    filler("2026-10", 7);
    assertEquals(40, declared);
    at("2026-11-15T12:00:00Z");
  }

  @AfterAll
  void stop() {
    app.close();
  }

  /**
   * July, by hand (seconds; detected-at is the declaration unless an alert started earlier):
   *
   * <pre>
   * #1 SEV1 07-03 10:00, alert from 09:50: declare 600, mitigate 2400, resolve 7800;
   *    updates at +10m, +20m, no reminder: 2 sent, 2 before; items: 1 done, 1 open (overdue)
   * #2 SEV1 07-10 08:00: declare 0, mitigate 3600, resolve 14400;
   *    reminder +16m, update +20m (late), update +30m: 2 sent, 1 before; items: 1 won't do
   * #3 SEV1 07-20 00:00: declare 0, no mitigation, resolve 3600
   * #4 SEV2 07-05 12:00: declare 0, mitigate 900, still open; 1 update; 1 item open (overdue)
   * #5 SEV2 drill, #6 SEV1 private: left out (each with updates and items)
   * #7 SEV3 07-25 09:00: declare 0, mitigate 600, resolve 1800; 1 item recorded 11-10 (open,
   *    not overdue on 11-15)
   * SEV1: declare [0,0,600] median 0 p90 600; mitigate [2400,3600] median 2400 p90 3600;
   *       resolve [3600,7800,14400] median 7800 p90 14400
   * all:  declare [0,0,0,0,600] median 0 p90 600; mitigate [600,900,2400,3600] median 900
   *       p90 3600; resolve [1800,3600,7800,14400] median 3600 p90 14400
   * noise: DiskFull judged once on 07-15
   * </pre>
   */
  private void july() {
    at("2026-07-03T09:55:00Z");
    long alert = alertGroup("Checkout5xx", "2026-07-03T09:50:00Z");
    long i1 = declare("2026-07-03T10:00:00Z", Severity.SEV1, false, false);
    triage.attach(alert, i1, TriagedGroup.ATTACHED, ALICE);
    update(i1, "2026-07-03T10:10:00Z");
    update(i1, "2026-07-03T10:20:00Z");
    mitigate(i1, "2026-07-03T10:30:00Z");
    resolve(i1, "2026-07-03T12:00:00Z");
    ActionItem done = item(i1, "2026-07-03T12:00:00Z");
    at("2026-07-04T09:00:00Z");
    items.close(done.id(), ActionStatus.DONE, ALICE);
    item(i1, "2026-07-03T12:05:00Z");

    long i4 = declare("2026-07-05T12:00:00Z", Severity.SEV2, false, false);
    update(i4, "2026-07-05T12:10:00Z");
    mitigate(i4, "2026-07-05T12:15:00Z");
    item(i4, "2026-07-05T12:30:00Z");

    long i5 = declare("2026-07-07T12:00:00Z", Severity.SEV2, false, true);
    update(i5, "2026-07-07T12:05:00Z");
    item(i5, "2026-07-07T12:06:00Z");
    resolve(i5, "2026-07-07T12:10:00Z");
    long i6 = declare("2026-07-08T12:00:00Z", Severity.SEV1, true, false);
    update(i6, "2026-07-08T12:05:00Z");
    item(i6, "2026-07-08T12:06:00Z");
    resolve(i6, "2026-07-08T13:00:00Z");

    long i2 = declare("2026-07-10T08:00:00Z", Severity.SEV1, false, false);
    remind(i2, "2026-07-10T08:16:00Z", "2026-07-10T08:00:00Z");
    update(i2, "2026-07-10T08:20:00Z");
    update(i2, "2026-07-10T08:30:00Z");
    mitigate(i2, "2026-07-10T09:00:00Z");
    resolve(i2, "2026-07-10T12:00:00Z");
    ActionItem wontDo = item(i2, "2026-07-10T12:10:00Z");
    items.close(wontDo.id(), ActionStatus.WONT_DO, ALICE);

    at("2026-07-15T10:00:00Z");
    triage.noise(alertGroup("DiskFull", "2026-07-15T09:00:00Z"), ALICE);

    long i3 = declare("2026-07-20T00:00:00Z", Severity.SEV1, false, false);
    resolve(i3, "2026-07-20T01:00:00Z");

    long i7 = declare("2026-07-25T09:00:00Z", Severity.SEV3, false, false);
    mitigate(i7, "2026-07-25T09:10:00Z");
    resolve(i7, "2026-07-25T09:30:00Z");
    item(i7, "2026-11-10T09:00:00Z");
  }

  /**
   * September, by hand:
   *
   * <pre>
   * #8  SEV2 09-01 00:00, alert from 08-31 23:30: declare 1800, mitigate 3600, resolve 7200
   * #9  SEV2 09-02 10:00: mitigate 1200, resolve 2400; update +5m, reminder +35m, update +38m:
   *     2 sent, 1 before
   * #10 SEV2 09-03 10:00: mitigate 2400, resolve 6000; 1 item, done
   * #11 SEV2 09-04 10:00: no mitigation, resolve 3000
   * #12 SEV4 09-30 23:59:59: resolve 600
   * #13 SEV3 drill: left out
   * #14 SEV3 09-10 10:00, SEV2 from +5m (counted as SEV2): resolve 3600
   * SEV2 (5): declare [0,0,0,0,1800] median 0 p90 1800; mitigate [1200,2400,3600] median 2400
   *           p90 3600; resolve [2400,3000,3600,6000,7200] median 3600 p90 7200
   * all (6):  declare median 0 p90 1800 (rank 6 of 6); mitigate as SEV2;
   *           resolve [600,2400,3000,3600,6000,7200] median 3000 p90 7200
   * noise: DiskFull twice, CpuHigh once
   * </pre>
   */
  private void september() {
    at("2026-08-31T23:40:00Z");
    long alert = alertGroup("Latency", "2026-08-31T23:30:00Z");
    long i8 = declare("2026-09-01T00:00:00Z", Severity.SEV2, false, false);
    triage.attach(alert, i8, TriagedGroup.ATTACHED, ALICE);
    mitigate(i8, "2026-09-01T00:30:00Z");
    resolve(i8, "2026-09-01T01:30:00Z");

    long i9 = declare("2026-09-02T10:00:00Z", Severity.SEV2, false, false);
    update(i9, "2026-09-02T10:05:00Z");
    mitigate(i9, "2026-09-02T10:20:00Z");
    remind(i9, "2026-09-02T10:35:00Z", "2026-09-02T10:05:00Z");
    update(i9, "2026-09-02T10:38:00Z");
    resolve(i9, "2026-09-02T10:40:00Z");

    long i10 = declare("2026-09-03T10:00:00Z", Severity.SEV2, false, false);
    mitigate(i10, "2026-09-03T10:40:00Z");
    ActionItem item = item(i10, "2026-09-03T10:50:00Z");
    items.close(item.id(), ActionStatus.DONE, ALICE);
    resolve(i10, "2026-09-03T11:40:00Z");

    long i11 = declare("2026-09-04T10:00:00Z", Severity.SEV2, false, false);
    resolve(i11, "2026-09-04T10:50:00Z");

    long i13 = declare("2026-09-05T10:00:00Z", Severity.SEV3, false, true);
    resolve(i13, "2026-09-05T10:05:00Z");

    long i14 = declare("2026-09-10T10:00:00Z", Severity.SEV3, false, false);
    at("2026-09-10T10:05:00Z");
    incidents.changeSeverity(i14, Severity.SEV2, ALICE);
    resolve(i14, "2026-09-10T11:00:00Z");

    at("2026-09-12T10:00:00Z");
    triage.noise(alertGroup("DiskFull", "2026-09-12T09:00:00Z"), ALICE);
    triage.noise(alertGroup("CpuHigh", "2026-09-12T09:10:00Z"), ALICE);
    at("2026-09-20T10:00:00Z");
    triage.noise(alertGroup("DiskFull", "2026-09-20T09:00:00Z"), ALICE);

    long i12 = declare("2026-09-30T23:59:59Z", Severity.SEV4, false, false);
    resolve(i12, "2026-10-01T00:09:59Z");
  }

  /** {@code n} incidents in a month: the first a drill, the second private, all resolved. */
  private void filler(String month, int n) {
    for (int k = 0; k < n; k++) {
      String day = String.format("%s-%02dT08:00:00Z", month, k + 2);
      long id = declare(day, Severity.values()[k % 4], k == 1, k == 0);
      resolve(id, Instant.parse(day).plus(Duration.ofMinutes(30 + 10L * k)).toString());
    }
  }

  @Test
  void julyFiguresAreTheHandComputedOnes() throws Exception {
    JsonNode report = insights("?from=2026-07&to=2026-07");
    assertEquals("2026-07", report.get("from").asText());
    JsonNode rows = report.get("rows");
    assertEquals(4, rows.size(), rows.toString());
    row(rows, "2026-07", "SEV1", 3, fig(3, 0, 600), fig(2, 2400, 3600), fig(3, 7800, 14400));
    JsonNode sev1 = find(rows, "2026-07", "SEV1");
    assertEquals(upd(2, 4, 3), sev1.get("updates"));
    assertEquals(act(2, 3, 1, 1), sev1.get("actionItems"));
    row(rows, "2026-07", "SEV2", 1, fig(1, 0, 0), fig(1, 900, 900), fig(0, null, null));
    JsonNode sev2 = find(rows, "2026-07", "SEV2");
    assertEquals(upd(1, 1, 1), sev2.get("updates"));
    assertEquals(act(1, 1, 0, 1), sev2.get("actionItems"));
    row(rows, "2026-07", "SEV3", 1, fig(1, 0, 0), fig(1, 600, 600), fig(1, 1800, 1800));
    assertEquals(act(1, 1, 0, 0), find(rows, "2026-07", "SEV3").get("actionItems"));
    assertEquals(upd(0, 0, 0), find(rows, "2026-07", "SEV3").get("updates"));
    row(rows, "2026-07", "all", 5, fig(5, 0, 600), fig(4, 900, 3600), fig(4, 3600, 14400));
    JsonNode all = find(rows, "2026-07", "all");
    assertEquals(upd(3, 5, 4), all.get("updates"));
    assertEquals(act(4, 5, 1, 2), all.get("actionItems"));
    assertEquals(
        JSON.readTree("[{\"month\":\"2026-07\",\"alertName\":\"DiskFull\",\"groups\":1}]"),
        report.get("noise"));
  }

  @Test
  void septemberFiguresAreTheHandComputedOnes() throws Exception {
    JsonNode report = insights("?from=2026-09&to=2026-09");
    JsonNode rows = report.get("rows");
    assertEquals(3, rows.size(), rows.toString());
    row(rows, "2026-09", "SEV2", 5, fig(5, 0, 1800), fig(3, 2400, 3600), fig(5, 3600, 7200));
    JsonNode sev2 = find(rows, "2026-09", "SEV2");
    assertEquals(upd(1, 2, 1), sev2.get("updates"));
    assertEquals(act(1, 1, 1, 0), sev2.get("actionItems"));
    row(rows, "2026-09", "SEV4", 1, fig(1, 0, 0), fig(0, null, null), fig(1, 600, 600));
    row(rows, "2026-09", "all", 6, fig(6, 0, 1800), fig(3, 2400, 3600), fig(6, 3000, 7200));
    assertEquals(
        JSON.readTree(
            "[{\"month\":\"2026-09\",\"alertName\":\"DiskFull\",\"groups\":2},"
                + "{\"month\":\"2026-09\",\"alertName\":\"CpuHigh\",\"groups\":1}]"),
        report.get("noise"));
  }

  @Test
  void theWholeRangeCountsEveryIncidentButDrillsAndPrivateOnes() throws Exception {
    JsonNode report = insights("?from=2026-05&to=2026-10");
    Map<String, Integer> counted = new HashMap<>();
    for (JsonNode row : report.get("rows")) {
      if (row.get("severity").asText().equals("all")) {
        counted.put(row.get("month").asText(), row.get("incidents").asInt());
      }
    }
    assertEquals(
        Map.of("2026-05", 4, "2026-06", 5, "2026-07", 5, "2026-08", 4, "2026-09", 6, "2026-10", 5),
        counted);
    // By default: this month and the five before it (the clock stands at 2026-11-15).
    JsonNode recent = insights("");
    assertEquals("2026-06", recent.get("from").asText());
    assertEquals("2026-11", recent.get("to").asText());
  }

  @Test
  void badRangesAreRefusedAndTheTokenIsNeeded() throws Exception {
    for (String q : new String[] {"?from=July", "?from=2026-09&to=2026-07", "?from=2020-01"}) {
      HttpResponse<String> r = get("/api/insights" + q, TOKEN);
      assertEquals(400, r.statusCode(), q + " " + r.body());
      assertTrue(r.body().contains("error"), r.body());
    }
    assertEquals(401, get("/api/insights", null).statusCode());
    assertEquals(401, get("/api/insights", "wrong").statusCode());
  }

  private static void row(
      JsonNode rows,
      String month,
      String severity,
      int incidents,
      JsonNode declare,
      JsonNode mitigate,
      JsonNode resolve) {
    JsonNode row = find(rows, month, severity);
    String where = month + " " + severity;
    assertEquals(incidents, row.get("incidents").asInt(), where);
    assertEquals(declare, row.get("toDeclare"), where + " to declare");
    assertEquals(mitigate, row.get("toMitigate"), where + " to mitigate");
    assertEquals(resolve, row.get("toResolve"), where + " to resolve");
  }

  private static JsonNode find(JsonNode rows, String month, String severity) {
    for (JsonNode row : rows) {
      if (row.get("month").asText().equals(month)
          && row.get("severity").asText().equals(severity)) {
        return row;
      }
    }
    throw new AssertionError("no row " + month + " " + severity + " in " + rows);
  }

  private static JsonNode fig(int incidents, Integer median, Integer p90) {
    ObjectNode f = JSON.createObjectNode();
    f.put("incidents", incidents);
    if (median == null) {
      f.putNull("medianSeconds");
    } else {
      f.put("medianSeconds", median);
    }
    if (p90 == null) {
      f.putNull("p90Seconds");
    } else {
      f.put("p90Seconds", p90);
    }
    return f;
  }

  private static JsonNode upd(int incidents, int sent, int before) {
    ObjectNode u = JSON.createObjectNode();
    u.put("incidents", incidents);
    u.put("sent", sent);
    u.put("beforeReminder", before);
    return u;
  }

  private static JsonNode act(int incidents, int created, int done, int overdue) {
    ObjectNode a = JSON.createObjectNode();
    a.put("incidents", incidents);
    a.put("created", created);
    a.put("done", done);
    a.put("overdue", overdue);
    return a;
  }

  private JsonNode insights(String query) throws Exception {
    HttpResponse<String> r = get("/api/insights" + query, TOKEN);
    assertEquals(200, r.statusCode(), r.body());
    return JSON.readTree(r.body());
  }

  private HttpResponse<String> get(String path, String token) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(app.url(path));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private void at(String instant) {
    clock.set(Instant.parse(instant));
  }

  private long declare(String at, Severity severity, boolean privateIncident, boolean drill) {
    at(at);
    declared++;
    return incidents
        .declare(
            new DeclareRequest(
                "insights-" + keys.incrementAndGet(),
                "Insights incident " + declared,
                severity,
                null,
                privateIncident,
                drill,
                ALICE,
                ALICE))
        .incident()
        .id();
  }

  private void update(long id, String at) {
    at(at);
    incidents.postUpdate(id, StatusUpdate.quick("Still on it"), ALICE);
  }

  private void remind(long id, String at, String lastUpdate) {
    at(at);
    incidents.remindUpdateDue(id, Instant.parse(at), 1, Instant.parse(lastUpdate));
  }

  private void mitigate(long id, String at) {
    at(at);
    incidents.mitigate(id, "Mitigated", ALICE);
  }

  private void resolve(long id, String at) {
    at(at);
    incidents.resolve(id, "Resolved", ALICE);
  }

  private ActionItem item(long id, String at) {
    at(at);
    return items.record(id, "Follow up " + keys.incrementAndGet(), ALICE, ALICE);
  }

  /** A firing alert group received now whose alert started at {@code startsAt}; its id. */
  private long alertGroup(String name, String startsAt) {
    ObjectNode n =
        AlertPayloads.group(
            "{}:{alertname=\"" + name + keys.incrementAndGet() + "\"}", "firing", Map.of());
    AlertPayloads.alert(
        n,
        "firing",
        Map.of("alertname", name, "severity", "warning", "instance", "node-" + keys.get()),
        Map.of("summary", name + " on node-" + keys.get()),
        startsAt);
    AlertPayloads.send(app.url("/"), ALERTS, n);
    String summary = name + " on node-" + keys.get();
    return triage.unattached(1000).stream()
        .filter(g -> g.summary().equals(summary))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no alert group " + summary))
        .id();
  }
}
