package io.warroom.triage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.warroom.chat.ChatAction;
import io.warroom.fakeslack.AppLink;
import io.warroom.fakeslack.FakeSlack;
import io.warroom.fakeslack.SlackSimulator.Posted;
import io.warroom.incident.IncidentService;
import io.warroom.slack.SlackIds;
import io.warroom.support.AlertPayloads;
import io.warroom.support.Mrkdwns;
import io.warroom.support.TestApp;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * SPEC section 11, triage: a firing group gets one card in the alerts channel, escaped, counted,
 * redrawn in place as the group changes; Declare, Attach and Noise do what they say, and the card
 * shows it. Real signed requests, the fake Slack over HTTP.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AlertTriageTest {

  static final String TOKEN = "integration-token-triage";
  private FakeSlack slack;
  private TestApp app;
  private String alice;
  private String alerts;

  @BeforeAll
  void start() {
    slack = FakeSlack.start(TestApp.BOT_TOKEN, TestApp.SIGNING_SECRET);
    alice = slack.user("alice");
    alerts = slack.channel("alerts", false, alice, alice);
    app =
        TestApp.start(
            slack,
            TestApp.inMemoryDatabase(),
            Map.of("warroom.integration-token", TOKEN, "warroom.alerts.channel", alerts));
  }

  @AfterAll
  void stop() {
    app.close();
  }

  private static String key() {
    return "{}:{alertname=\"" + UUID.randomUUID() + "\"}";
  }

  private List<Posted> cards(String groupKeyFragment) {
    return slack.messages(alerts).stream()
        .filter(Posted::byBot)
        .filter(m -> m.allText().contains(groupKeyFragment))
        .toList();
  }

  private Posted awaitCard(String fragment) {
    TestApp.await("the alert card", Duration.ofSeconds(20), () -> cards(fragment).size() == 1);
    return cards(fragment).get(0);
  }

  private Posted awaitCardSaying(String fragment, String text) {
    TestApp.await(
        "the card to say " + text,
        Duration.ofSeconds(20),
        () -> cards(fragment).stream().anyMatch(m -> m.allText().contains(text)));
    List<Posted> all = cards(fragment);
    assertEquals(1, all.size(), "one card per group, updated in place");
    return all.get(0);
  }

  private ObjectNode firing(String key, String service, String summary, int firing, int resolved) {
    ObjectNode n = AlertPayloads.group(key, "firing", Map.of("service", service));
    for (int i = 0; i < firing + resolved; i++) {
      AlertPayloads.alert(
          n,
          i < firing ? "firing" : "resolved",
          Map.of(
              "alertname",
              "CheckoutErrors",
              "service",
              service,
              "severity",
              "warning",
              "instance",
              "checkout-" + i),
          Map.of("summary", summary, "runbook_url", "https://runbooks.example.com/checkout"),
          "2026-12-06T02:47:00Z");
    }
    return n;
  }

  @Test
  void aFiringGroupGetsOneEscapedCountedCardUpdatedInPlaceUntilItResolves() {
    String key = key();
    String service = "svc-" + UUID.randomUUID().toString().substring(0, 8);
    ObjectNode n =
        firing(key, "<!channel> *" + service + "* _x_", "<!channel> Checkout <b>down</b>", 2, 1);
    AlertPayloads.send(app.url("/"), TOKEN, n);
    Posted card = awaitCard(service);
    assertFalse(Mrkdwns.pingsEveryone(card), card.allText());
    // Labels are shown as inline code, where Slack applies no formatting; <, > and & escaped.
    assertTrue(
        Mrkdwns.of(card).stream()
            .anyMatch(t -> t.contains("`service=&lt;!channel&gt; *" + service + "* _x_`")),
        card.allText());
    assertTrue(
        Mrkdwns.of(card).stream().noneMatch(t -> t.contains("Checkout <b>")),
        "the summary is plain text (the header) or escaped");
    String all = card.allText();
    assertTrue(all.contains("2 of 3 alerts"), all);
    assertTrue(all.contains("SEV3"), all);
    assertTrue(all.contains("Alertmanager"), all);
    assertTrue(all.contains("https://runbooks.example.com/checkout|Runbook"), all);
    assertTrue(all.contains("instance") || all.contains("alertname=CheckoutErrors"), all);
    assertTrue(all.contains(SlackIds.actionId(ChatAction.ALERT_DECLARE)), all);
    assertTrue(all.contains(SlackIds.actionId(ChatAction.ALERT_ATTACH)), all);
    assertTrue(all.contains(SlackIds.actionId(ChatAction.ALERT_NOISE)), all);

    // The same notification again changes nothing: no second card, no redraw.
    int updates = slack.calls("chat.update").size();
    AlertPayloads.send(app.url("/"), TOKEN, n);
    AlertPayloads.send(
        app.url("/"),
        TOKEN,
        firing(key, "<!channel> *" + service + "* _x_", "<!channel> Checkout <b>down</b>", 3, 0));
    Posted three = awaitCardSaying(service, "3 of 3 alerts");
    assertEquals(card.ts(), three.ts());
    assertEquals(updates + 1, slack.calls("chat.update").size(), "one redraw for one change");

    ObjectNode resolved =
        firing(key, "<!channel> *" + service + "* _x_", "<!channel> Checkout <b>down</b>", 0, 3);
    resolved.put("status", "resolved");
    AlertPayloads.send(app.url("/"), TOKEN, resolved);
    Posted done = awaitCardSaying(service, "RESOLVED");
    assertEquals(card.ts(), done.ts());
    assertTrue(done.allText().contains("0 of 3 alerts"), done.allText());
    assertFalse(Mrkdwns.pingsEveryone(done));
  }

  @Test
  void aGroupOfTenThousandAlertsShowsCountsNotLines() {
    String key = key();
    String service = "big-" + UUID.randomUUID().toString().substring(0, 8);
    ObjectNode n = AlertPayloads.group(key, "firing", Map.of("service", service));
    for (int i = 0; i < 10_000; i++) {
      var alert = ((com.fasterxml.jackson.databind.node.ArrayNode) n.get("alerts")).addObject();
      alert.put("status", i < 7_500 ? "firing" : "resolved");
      alert.putObject("labels").put("service", service).put("i", Integer.toString(i));
      alert.put("startsAt", "2026-12-06T02:47:00Z");
    }
    AlertPayloads.send(app.url("/"), TOKEN, n);
    Posted card = awaitCard(service);
    assertTrue(card.allText().contains("7500 of 10000 alerts"), card.allText());
    assertTrue(card.allText().length() < 5_000, "a count, not 10,000 lines");
    assertFalse(card.allText().contains("i=9999"));
  }

  @Test
  void noiseRecordsWhoAndWhenAndTheButtonsGo() {
    String key = key();
    String service = "noisy-" + UUID.randomUUID().toString().substring(0, 8);
    AlertPayloads.send(app.url("/"), TOKEN, firing(key, service, "Disk 81% full", 1, 0));
    Posted card = awaitCard(service);
    AppLink.Reply reply =
        slack
            .app()
            .click(alice, alerts, card.ts(), SlackIds.actionId(ChatAction.ALERT_NOISE), null);
    assertEquals(200, reply.status());
    Posted after = awaitCardSaying(service, "Judged noise by <@" + alice + ">");
    assertFalse(after.allText().contains(SlackIds.actionId(ChatAction.ALERT_DECLARE)));
    TriagedGroup g =
        app.bean(Triage.class).unattached(100).stream()
            .filter(x -> x.summary().equals("Disk 81% full"))
            .findFirst()
            .orElse(null);
    assertEquals(null, g, "judged noise: no longer waiting for triage");
  }

  @Test
  void declareOpensTheFilledModalAndTheIncidentGetsTheGroup() {
    String key = key();
    String service = "decl-" + UUID.randomUUID().toString().substring(0, 8);
    AlertPayloads.send(
        app.url("/"), TOKEN, firing(key, service, "Payments " + service + " failing", 1, 0));
    Posted card = awaitCard(service);
    int before = slack.modals(alice).size();
    slack.app().click(alice, alerts, card.ts(), SlackIds.actionId(ChatAction.ALERT_DECLARE), null);
    TestApp.await("the Declare modal", () -> slack.modals(alice).size() == before + 1);
    FakeSlack.Modal modal = slack.modals(alice).get(before);
    assertEquals(SlackIds.DECLARE_VIEW, modal.callbackId());
    assertTrue(modal.view().toString().contains("Payments " + service + " failing"), "pre-filled");
    AppLink.Reply submitted =
        slack
            .app()
            .submit(
                alice,
                modal.id(),
                Map.of(
                    SlackIds.DECLARE_TITLE,
                    "Payments " + service + " failing",
                    SlackIds.DECLARE_SEVERITY,
                    "SEV3"));
    assertEquals(200, submitted.status());
    Posted after = awaitCardSaying(service, "declared incident");
    assertTrue(after.allText().contains("<@" + alice + ">"), after.allText());
    assertFalse(after.allText().contains(SlackIds.actionId(ChatAction.ALERT_NOISE)));
    long incident =
        app.bean(IncidentService.class).open().stream()
            .filter(i -> i.title().contains(service))
            .findFirst()
            .orElseThrow()
            .id();
    assertEquals(1, app.bean(Triage.class).attachedTo(incident).size());
  }

  @Test
  void attachPicksAnOpenIncident() {
    slack.app().command(alice, alerts, "declare sev2 Database failover attach-target");
    TestApp.await(
        "the incident",
        () ->
            app.bean(IncidentService.class).open().stream()
                .anyMatch(i -> i.title().contains("attach-target")));
    long incident =
        app.bean(IncidentService.class).open().stream()
            .filter(i -> i.title().contains("attach-target"))
            .findFirst()
            .orElseThrow()
            .id();
    String key = key();
    String service = "att-" + UUID.randomUUID().toString().substring(0, 8);
    AlertPayloads.send(app.url("/"), TOKEN, firing(key, service, "Replica lag", 1, 0));
    Posted card = awaitCard(service);
    int before = slack.modals(alice).size();
    slack.app().click(alice, alerts, card.ts(), SlackIds.actionId(ChatAction.ALERT_ATTACH), null);
    TestApp.await("the Attach modal", () -> slack.modals(alice).size() == before + 1);
    FakeSlack.Modal modal = slack.modals(alice).get(before);
    assertEquals(SlackIds.ALERT_ATTACH_VIEW, modal.callbackId());
    assertTrue(modal.view().toString().contains("attach-target"));
    AppLink.Reply submitted =
        slack
            .app()
            .submit(
                alice, modal.id(), Map.of(SlackIds.ALERT_ATTACH_INCIDENT, Long.toString(incident)));
    assertEquals(200, submitted.status());
    Posted after = awaitCardSaying(service, "attached it to incident " + incident);
    assertNotNull(after);
    assertEquals(1, app.bean(Triage.class).attachedTo(incident).size());
  }
}
