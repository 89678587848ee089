package io.warroom.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.warroom.fakeslack.FakeSlack;
import io.warroom.slack.SlackIds;
import io.warroom.support.LogCapture;
import io.warroom.support.Room;
import io.warroom.support.TestApp;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Events out end to end: Warroom against a fake Slack and three real HTTP receivers that verify
 * every Standard Webhooks signature. One answers 200; one answers 500 until Warroom has been
 * restarted, then 200; one answers 400. The first two see every event exactly once, in order per
 * incident; the third is sent each event once and given up on, with one log line each.
 */
class EventsOutTest {

  static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSwAbCdEfGhIjKl";

  @Test
  void everyChangeReachesEveryEndpointOnceInOrderAcrossARestartAndOutages() throws Exception {
    try (Receiver good = new Receiver(SECRET);
        Receiver flaky = new Receiver(SECRET);
        Receiver refusing = new Receiver(SECRET);
        LogCapture logs = LogCapture.start();
        FakeSlack slack = FakeSlack.start(TestApp.BOT_TOKEN, TestApp.SIGNING_SECRET)) {
      flaky.answer = 500;
      refusing.answer = 400;
      String alice = slack.user("alice");
      String bob = slack.user("bob");
      String general = slack.channel("general", false, alice, alice, bob);
      String db = TestApp.inMemoryDatabase();
      Map<String, Object> props = new HashMap<>();
      props.put("warroom.webhook.urls", good.url() + ", " + flaky.url() + "," + refusing.url());
      props.put("warroom.webhook.secret", SECRET);
      props.put("warroom.public-url", "https://warroom.example.com");
      props.put("warroom.webhook.first-backoff", "100ms");
      props.put("warroom.webhook.max-backoff", "500ms");
      props.put("warroom.webhook.sweep", "100ms");

      TestApp app = TestApp.start(slack, db, props);
      slack.app().command(alice, general, "declare sev2 Checkout is throwing 500s");
      Room room = Room.awaitContaining(slack, "checkout-is-throwing-500s");
      slack.app().command(alice, room.id, "sev 1");
      slack.app().command(alice, room.id, "ic @bob");
      slack.app().command(alice, room.id, "update Rolling back the payment service");
      slack.app().command(alice, room.id, "note Payment pods restarted"); // stays inside
      slack.app().command(alice, room.id, "mitigated Rolled back");

      // A private drill, declared in the modal: its events say what happened, never what it is.
      String secretTitle = "Leaked partner keys in the log pipeline";
      int before = slack.modals(alice).size();
      slack.app().command(alice, general, "declare");
      TestApp.await("modal", () -> slack.modals(alice).size() == before + 1);
      Map<String, String> form = new HashMap<>();
      form.put(SlackIds.DECLARE_TITLE, secretTitle);
      form.put(SlackIds.DECLARE_SEVERITY, "SEV1");
      form.put(SlackIds.DECLARE_AFFECTED, "Partner API");
      form.put(SlackIds.DECLARE_OPTIONS, SlackIds.OPTION_PRIVATE + "," + SlackIds.OPTION_DRILL);
      slack.app().submit(alice, slack.modals(alice).get(before).id(), form);
      Room hidden = Room.awaitContaining(slack, "leaked-partner-keys");
      slack.app().command(alice, hidden.id, "update Rotating the leaked partner keys now");
      slack.app().command(alice, hidden.id, "resolve Keys rotated at the partner");

      TestApp.await(
          "the flaky endpoint refused something",
          Duration.ofSeconds(20),
          () -> flaky.requests() > 2);
      app.stopApp();
      // Changes while Warroom was down are none; those recorded before are all still owed.
      app = TestApp.start(slack, db, props);
      slack.app().command(alice, room.id, "resolve Fixed by the rollback");
      slack.app().command(alice, room.id, "action Add an alert on checkout 5xx @bob");
      TestApp.await(
          "the healthy endpoint has everything",
          Duration.ofSeconds(30),
          () -> good.accepted().size() == 12);
      flaky.answer = 200;
      TestApp.await(
          "the flaky endpoint has everything",
          Duration.ofSeconds(30),
          () -> flaky.accepted().size() == 12);
      TestApp.await(
          "the refusing endpoint was sent everything",
          Duration.ofSeconds(30),
          () -> refusing.requests() == 12);

      long first = good.accepted().get(0).incident();
      long second =
          good.accepted().stream()
              .filter(g -> g.incident() != first)
              .findFirst()
              .orElseThrow()
              .incident();
      List<String> expectFirst =
          List.of(
              "io.warroom.incident.declared",
              "io.warroom.incident.severity_changed",
              "io.warroom.incident.role_assigned",
              "io.warroom.incident.status_updated",
              "io.warroom.incident.mitigated",
              "io.warroom.incident.resolved",
              "io.warroom.incident.postmortem_ready",
              "io.warroom.action_item.created");
      List<String> expectSecond =
          List.of(
              "io.warroom.incident.declared",
              "io.warroom.incident.status_updated",
              "io.warroom.incident.resolved",
              "io.warroom.incident.postmortem_ready");
      for (Receiver r : List.of(good, flaky)) {
        assertEquals(expectFirst, r.types(first));
        assertEquals(expectSecond, r.types(second));
        assertEquals(List.of(), r.problems(), "every signature verified");
        Set<String> ids = new HashSet<>();
        r.accepted().forEach(g -> assertTrue(ids.add(g.webhookId()), "once: " + g.webhookId()));
      }
      assertTrue(flaky.requests() > 12, "the flaky endpoint was retried");
      // The same event carries the same id on every endpoint and every try.
      assertEquals(
          good.accepted().stream().map(Receiver.Got::webhookId).toList().stream().sorted().toList(),
          flaky.accepted().stream().map(Receiver.Got::webhookId).toList().stream()
              .sorted()
              .toList());

      // Several sweeps and back-offs: a refused event must not come back.
      TestApp.holds(
          "a 400 is given up at once, never retried",
          Duration.ofMillis(1500),
          () -> refusing.requests() == 12);
      assertEquals(List.of(), refusing.problems());
      assertEquals(12, count(logs.text(), "refused with HTTP 400; given up"));
      assertFalse(logs.text().contains("t0p"), "the endpoint's query is never logged");
      assertFalse(logs.text().contains(SECRET.substring(6)), "the secret is never logged");

      // The envelope and the data.
      Receiver.Got declared = good.accepted().get(0);
      assertEquals("1.0", declared.event().getSpecVersion().toString());
      assertEquals(URI.create("https://warroom.example.com"), declared.event().getSource());
      assertEquals(declared.webhookId(), declared.event().getId());
      assertEquals(Long.toString(first), declared.event().getSubject());
      JsonNode data = declared.json().get("data");
      assertEquals("Checkout is throwing 500s", data.get("title").asText());
      assertEquals("SEV2", data.get("severity").asText());
      assertFalse(data.get("drill").asBoolean());
      assertEquals("io.warroom.incident.declared", data.get("change").get("type").asText());
      JsonNode sev = find(good, first, "severity_changed").get("data");
      assertEquals("SEV1", sev.get("severity").asText());
      assertEquals("SEV2", sev.get("change").get("from").asText());
      assertEquals(room.id, sev.get("channelId").asText(), "later events know the channel");
      assertEquals(
          bob,
          find(good, first, "role_assigned").get("data").get("roles").get("commander").asText());
      assertEquals(
          "Fixed by the rollback",
          find(good, first, "incident.resolved").get("data").get("change").get("text").asText());
      assertEquals(
          "https://warroom.example.com/api/incidents/" + first + "/postmortem",
          find(good, first, "postmortem_ready")
              .get("data")
              .get("change")
              .get("postmortemUrl")
              .asText());
      assertEquals(
          "Add an alert on checkout 5xx",
          find(good, first, "action_item.created")
              .get("data")
              .get("change")
              .get("actionItem")
              .get("text")
              .asText());

      for (Receiver.Got g : good.accepted()) {
        if (g.incident() != second) {
          continue;
        }
        String json = g.json().toString();
        assertFalse(json.contains("Leaked"), json);
        assertFalse(json.contains("Partner API"), json);
        assertFalse(json.contains("Rotating"), json);
        assertFalse(json.contains("Keys rotated"), json);
        assertFalse(json.contains(hidden.id), json);
        assertTrue(g.json().get("data").get("drill").asBoolean(), json);
        assertTrue(g.json().get("data").get("privateIncident").asBoolean(), json);
        assertEquals(true, g.event().getExtension("drill"), json);
        assertFalse(g.json().get("data").has("title"), json);
      }

      String metrics =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(app.url("/metrics")).build(),
                  HttpResponse.BodyHandlers.ofString())
              .body();
      assertTrue(
          metrics.contains("warroom_webhook_deliveries_total{result=\"delivered\"}"), metrics);
      assertTrue(metrics.contains("warroom_webhook_deliveries_total{result=\"gave_up\"}"), metrics);
      assertTrue(metrics.contains("warroom_webhook_pending"), metrics);
      app.stopApp();
    }
  }

  /**
   * An endpoint that answers 503 for longer than the retry window is retried with back-off, then
   * given up with one log line and never sent the event again. Meanwhile an endpoint that never
   * answers in time delays neither the Slack ack nor a healthy endpoint.
   */
  @Test
  void aFailingEndpointIsRetriedForTheWindowThenGivenUpOnceAndASlowOneDelaysNothing()
      throws Exception {
    try (Receiver down = new Receiver(SECRET);
        Receiver hanging = new Receiver(SECRET);
        Receiver good = new Receiver(SECRET);
        LogCapture logs = LogCapture.start();
        TestApp app =
            TestApp.start(
                Map.of(
                    "warroom.webhook.urls", down.url() + "," + hanging.url() + "," + good.url(),
                    "warroom.webhook.secret", SECRET,
                    "warroom.webhook.retry-for", "3s",
                    "warroom.webhook.first-backoff", "200ms",
                    "warroom.webhook.max-backoff", "1s",
                    "warroom.webhook.timeout", "2s",
                    "warroom.webhook.sweep", "100ms"))) {
      down.answer = 503;
      hanging.delayMillis = 15_000;
      String alice = app.slack.user("alice");
      String general = app.slack.channel("general", false, alice, alice);
      long start = System.nanoTime();
      assertEquals(
          200, app.slack.app().command(alice, general, "declare sev3 Search is slow").status());
      assertTrue(System.nanoTime() - start < 3_000_000_000L, "acked within Slack's 3 s");
      TestApp.await(
          "the healthy endpoint has the event while the other one hangs",
          Duration.ofSeconds(3),
          () -> good.accepted().size() == 1);
      // The failing endpoint's own give-up: the hanging one may give up first on a slow machine.
      TestApp.await(
          "given up",
          Duration.ofSeconds(30),
          () ->
              logs.text()
                  .lines()
                  .anyMatch(l -> l.contains("endpoint 1 (") && l.contains("still failing after")));
      int tries = down.requests();
      assertTrue(tries >= 3, tries + " tries");
      TestApp.holds(
          "a given-up event is not sent again",
          Duration.ofMillis(1500),
          () -> down.requests() == tries);
      assertEquals(List.of(), down.problems());
      assertTrue(logs.text().contains("no answer within 2s"), "the hanging endpoint timed out");
      assertEquals(1, good.requests());
    }
  }

  private static JsonNode find(Receiver r, long incident, String typeSuffix) {
    return r.accepted().stream()
        .filter(g -> g.incident() == incident && g.type().endsWith(typeSuffix))
        .findFirst()
        .orElseThrow()
        .json();
  }

  private static int count(String text, String what) {
    int n = 0;
    for (int i = text.indexOf(what); i >= 0; i = text.indexOf(what, i + 1)) {
      n++;
    }
    return n;
  }
}
