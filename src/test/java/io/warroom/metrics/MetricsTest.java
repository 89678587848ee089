package io.warroom.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.warroom.fakeslack.FakeSlack;
import io.warroom.fakeslack.Faults.Fault;
import io.warroom.support.Room;
import io.warroom.support.TestApp;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /metrics} after an end-to-end incident: each Warroom metric of SPEC section 15 moves
 * as an operator would expect, and the JVM's, HTTP server's and pool's own metrics are there.
 */
class MetricsTest {

  private final HttpClient http = HttpClient.newHttpClient();

  private String scrape(TestApp app) {
    try {
      HttpResponse<String> r =
          http.send(
              HttpRequest.newBuilder(app.url("/metrics")).build(),
              HttpResponse.BodyHandlers.ofString());
      assertEquals(200, r.statusCode());
      assertTrue(
          r.headers().firstValue("Content-Type").orElse("").startsWith("text/plain; version=0.0.4"),
          "Prometheus's text format");
      return r.body();
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  /** The value of the one sample whose name and labels start like this, e.g. {@code x{a="b"}. */
  static double value(String scrape, String name, String... labels) {
    double sum = 0;
    boolean found = false;
    Pattern line =
        Pattern.compile("^" + Pattern.quote(name) + "(\\{[^}]*})? (\\S+)$", Pattern.MULTILINE);
    Matcher m = line.matcher(scrape);
    while (m.find()) {
      String set = m.group(1) == null ? "" : m.group(1);
      boolean all = true;
      for (String label : labels) {
        all &= set.contains(label);
      }
      if (all) {
        sum += Double.parseDouble(m.group(2));
        found = true;
      }
    }
    if (!found) {
      throw new AssertionError("no " + name + " " + String.join(",", labels) + " in:\n" + scrape);
    }
    return sum;
  }

  @Test
  void eachWarroomMetricMovesThroughAnIncident() {
    try (TestApp app =
        TestApp.start(
            Map.of(
                "warroom.heartbeat.sev1", "2s",
                "warroom.scheduler-tick", "200ms"))) {
      FakeSlack slack = app.slack;
      String alice = slack.user("alice");
      String general = slack.channel("general", false, alice, alice);
      String before = scrape(app);
      assertEquals(0, value(before, "warroom_incidents_open", "severity=\"sev1\""));
      assertEquals(0, value(before, "warroom_outbox_pending"));

      // Slack answers posts slowly, and the first with a 429.
      slack.faults().always("chat.postMessage", Fault.slow(Duration.ofMillis(1500)));
      slack.faults().inject("chat.postMessage", 1, Fault.rateLimited(Duration.ofSeconds(1)));
      assertEquals(200, slack.app().command(alice, general, "declare sev1 Metrics drill").status());
      TestApp.await(
          "a post waiting for Slack",
          Duration.ofSeconds(20),
          () -> {
            String s = scrape(app);
            return value(s, "warroom_outbox_pending") > 0
                && value(s, "warroom_outbox_oldest_age_seconds") > 0
                && value(s, "warroom_rooms_incomplete") > 0;
          });
      assertEquals(1, value(scrape(app), "warroom_incidents_open", "severity=\"sev1\""));

      TestApp.await(
          "the 429 met",
          Duration.ofSeconds(20),
          () -> slack.faults().pending("chat.postMessage") == 0);
      slack.faults().clear();
      Room room = Room.awaitContaining(slack, "metrics-drill");
      AtomicReference<String> seen = new AtomicReference<>();
      TestApp.await(
          "everything delivered and a reminder sent",
          Duration.ofSeconds(30),
          () -> {
            String s = scrape(app);
            seen.set(s);
            // A reminder may queue a post at any moment: read the gauges from one scrape.
            return value(s, "warroom_outbox_pending") == 0
                && value(s, "warroom_outbox_oldest_age_seconds") == 0
                && value(s, "warroom_rooms_incomplete") == 0
                && value(s, "warroom_reminders_lateness_seconds_count") >= 1;
          });
      String during = seen.get();
      assertTrue(
          value(during, "warroom_slack_ack_seconds_count", "kind=\"command\"", "status=\"200\"")
              >= 1);
      assertTrue(
          value(during, "warroom_slack_ack_seconds_bucket", "kind=\"command\"", "le=\"3.0\"") >= 1,
          "acks within Slack's 3 s");
      assertEquals(
          1,
          value(
              during,
              "warroom_slack_api_calls_total",
              "method=\"conversations.create\"",
              "outcome=\"ok\""));
      assertTrue(
          value(
                  during,
                  "warroom_slack_api_calls_total",
                  "method=\"chat.postMessage\"",
                  "outcome=\"rate_limited\"")
              >= 1,
          "429s counted");
      assertTrue(value(during, "warroom_reminders_lateness_seconds_max") < 5);
      assertEquals(1, value(during, "warroom_slack_ready"), "Slack accepted the token");

      slack.app().command(alice, room.id, "resolve Fixed");
      TestApp.await(
          "no open incident",
          Duration.ofSeconds(20),
          () -> {
            String s = scrape(app);
            return value(s, "warroom_incidents_open", "severity=\"sev1\"") == 0
                && value(s, "warroom_reminders_overdue") == 0;
          });

      String after = scrape(app);
      assertTrue(value(after, "jvm_memory_used_bytes") > 0, "the JVM's own metrics");
      assertTrue(
          value(after, "http_server_requests_seconds_count", "uri=\"/slack/events\"") >= 2,
          "the HTTP server's own metrics");
      assertTrue(value(after, "hikaricp_connections") >= 1, "the pool's own metrics");
      assertTrue(!after.contains(TestApp.BOT_TOKEN) && !after.contains("Metrics drill"));
    }
  }
}
