package io.warroom.triage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.warroom.fakeslack.FakeSlack;
import io.warroom.fakeslack.SlackSimulator.Posted;
import io.warroom.incident.Incident;
import io.warroom.incident.IncidentService;
import io.warroom.room.WarRooms;
import io.warroom.support.AlertPayloads;
import io.warroom.support.TestApp;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * WARROOM_ALERTS_AUTO_DECLARE: a group at or above the severity declares its incident by itself,
 * once, with the war room opened as a typed declaration opens it; below it, the group waits for
 * triage.
 */
class AutoDeclareTest {

  static final String TOKEN = "integration-token-auto";

  private static ObjectNode notification(String name, String severity, int firing) {
    ObjectNode n = AlertPayloads.group("{}:{alertname=\"" + name + "\"}", "firing", Map.of());
    for (int i = 0; i < firing; i++) {
      AlertPayloads.alert(
          n,
          "firing",
          Map.of("alertname", name, "severity", severity, "instance", "node-" + i),
          Map.of("summary", name + " is failing", "runbook_url", "https://runbooks.example.com/x"),
          "2026-12-06T02:47:00Z");
    }
    return n;
  }

  private static List<Incident> incidents(TestApp app, String name) {
    return app.bean(IncidentService.class).all().stream()
        .filter(i -> i.title().contains(name))
        .toList();
  }

  /**
   * The crash window: a pass declared the group's incident and stopped before attaching the group.
   * The next pass must find that incident by the group's request key, not declare another.
   */
  @Test
  void aDeclarationLeftByACrashBeforeTheAttachIsFoundNotRepeated() {
    FakeSlack slack = FakeSlack.start(TestApp.BOT_TOKEN, TestApp.SIGNING_SECRET);
    Map<String, Object> settings = new HashMap<>();
    settings.put("warroom.integration-token", TOKEN);
    settings.put("warroom.alerts.auto-declare", "sev2");
    try (TestApp app = TestApp.start(slack, TestApp.inMemoryDatabase(), settings)) {
      // The first group of a fresh database is group 1.
      Incident earlier =
          app.bean(IncidentService.class)
              .declare(
                  new io.warroom.incident.DeclareRequest(
                      AutoDeclare.requestKey(1),
                      "CrashWindow is failing",
                      io.warroom.incident.Severity.SEV2,
                      null,
                      false,
                      false,
                      "Alertmanager",
                      null))
              .incident();
      AlertPayloads.send(app.url("/"), TOKEN, notification("CrashWindow", "critical", 1));
      TestApp.await(
          "the group attached to the incident declared before the crash",
          Duration.ofSeconds(20),
          () -> app.bean(Triage.class).attachedTo(earlier.id()).size() == 1);
      assertEquals(1, app.bean(IncidentService.class).all().size());
    } finally {
      slack.close();
    }
  }

  @Test
  void aSevereGroupDeclaresOnceAcrossRepeatsAndReplicasAndAMildOneWaitsForTriage()
      throws Exception {
    FakeSlack slack = FakeSlack.start(TestApp.BOT_TOKEN, TestApp.SIGNING_SECRET);
    String alice = slack.user("alice");
    String alerts = slack.channel("alerts", false, alice, alice);
    String announce = slack.channel("incidents", false, alice, alice);
    slack.join(slack.botUserId(), alerts);
    slack.join(slack.botUserId(), announce);
    Map<String, Object> settings = new HashMap<>();
    settings.put("warroom.integration-token", TOKEN);
    settings.put("warroom.alerts.channel", alerts);
    settings.put("warroom.announce-channel", announce);
    settings.put("warroom.alerts.auto-declare", "sev2");
    settings.put("warroom.api-token", "api-token-auto");
    String db = TestApp.inMemoryDatabase();
    try (TestApp a = TestApp.start(slack, db, settings);
        TestApp b = TestApp.start(slack, db, settings)) {
      // The same new group reaches both replicas at once, then again and changed.
      ObjectNode critical = notification("CheckoutDown", "critical", 1);
      CompletableFuture<?> one =
          CompletableFuture.runAsync(() -> AlertPayloads.send(a.url("/"), TOKEN, critical));
      CompletableFuture<?> two =
          CompletableFuture.runAsync(() -> AlertPayloads.send(b.url("/"), TOKEN, critical));
      one.get();
      two.get();
      TestApp.await(
          "the incident", Duration.ofSeconds(20), () -> incidents(a, "CheckoutDown").size() == 1);
      Incident incident = incidents(a, "CheckoutDown").get(0);
      assertEquals("Alertmanager", incident.declaredBy());
      assertEquals("SEV2", incident.severity().name());
      assertEquals("CheckoutDown is failing", incident.title());
      TestApp.await(
          "the war room",
          Duration.ofSeconds(20),
          () -> a.bean(WarRooms.class).channelOf(incident.id()).isPresent());
      String room = a.bean(WarRooms.class).channelOf(incident.id()).orElseThrow();
      TestApp.await(
          "the incident card",
          Duration.ofSeconds(20),
          () ->
              slack.messages(room).stream()
                  .anyMatch(m -> m.byBot() && m.allText().contains("by Alertmanager")));
      TestApp.await(
          "the announcement",
          Duration.ofSeconds(20),
          () ->
              slack.messages(announce).stream()
                  .anyMatch(m -> m.allText().contains("CheckoutDown is failing")));
      assertEquals(1, a.bean(Triage.class).attachedTo(incident.id()).size());

      AlertPayloads.send(a.url("/"), TOKEN, critical);
      AlertPayloads.send(b.url("/"), TOKEN, notification("CheckoutDown", "critical", 3));
      TestApp.await(
          "the change drawn",
          Duration.ofSeconds(20),
          () -> a.bean(TriageRepository.class).countBehind() == 0);
      assertEquals(1, incidents(a, "CheckoutDown").size(), "a group declares once");
      assertTrue(
          slack.messages(alerts).stream().noneMatch(m -> m.allText().contains("CheckoutDown")),
          "an auto-declared group needs no triage card");

      // Below the threshold: a triage card, no incident.
      AlertPayloads.send(b.url("/"), TOKEN, notification("DiskSlow", "warning", 1));
      TestApp.await(
          "the triage card",
          Duration.ofSeconds(20),
          () ->
              slack.messages(alerts).stream()
                  .anyMatch(m -> m.byBot() && m.allText().contains("alertname=DiskSlow")));
      assertTrue(incidents(a, "DiskSlow").isEmpty());
      List<Posted> rooms =
          slack.channelNames().stream()
              .filter(n -> n.contains("checkout"))
              .map(n -> slack.channelId(n).orElseThrow())
              .map(slack::messages)
              .flatMap(List::stream)
              .toList();
      assertFalse(rooms.isEmpty());

      // Detection: the REST API and the postmortem draft tell when the alert fired and how long
      // the declaration took; the group judged noise is listed too.
      Posted disk =
          slack.messages(alerts).stream()
              .filter(m -> m.allText().contains("alertname=DiskSlow"))
              .findFirst()
              .orElseThrow();
      slack
          .app()
          .click(
              alice,
              alerts,
              disk.ts(),
              io.warroom.slack.SlackIds.actionId(io.warroom.chat.ChatAction.ALERT_NOISE),
              null);
      TestApp.await(
          "noise recorded",
          Duration.ofSeconds(20),
          () ->
              a.bean(Triage.class).unattached(10).stream()
                  .noneMatch(g -> g.summary().startsWith("DiskSlow")));
      var http = java.net.http.HttpClient.newHttpClient();
      var got =
          http.send(
              java.net.http.HttpRequest.newBuilder(a.url("/api/incidents/" + incident.id()))
                  .header("Authorization", "Bearer api-token-auto")
                  .build(),
              java.net.http.HttpResponse.BodyHandlers.ofString());
      assertEquals(200, got.statusCode(), got.body());
      var json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(got.body());
      assertEquals("2026-12-06T02:47:00Z", json.path("detectedAt").asText());
      assertEquals(
          java.time.Duration.between(
                  java.time.Instant.parse("2026-12-06T02:47:00Z"), incident.declaredAt())
              .toSeconds(),
          json.path("timeToDeclareSeconds").asLong());
      var pm =
          http.send(
              java.net.http.HttpRequest.newBuilder(
                      a.url("/api/incidents/" + incident.id() + "/postmortem"))
                  .header("Authorization", "Bearer api-token-auto")
                  .build(),
              java.net.http.HttpResponse.BodyHandlers.ofString());
      assertEquals(200, pm.statusCode());
      String draft = pm.body();
      assertTrue(draft.contains("## Detection"), draft);
      assertTrue(draft.contains("| Detected (first alert fired) | 2026-12-06 02:47 |"), draft);
      assertTrue(draft.contains("| Time to declare |"), draft);
      assertTrue(draft.contains("CheckoutDown is failing (Alertmanager)"), draft);
      assertTrue(draft.contains("Judged noise while it was open"), draft);
      assertTrue(draft.contains("DiskSlow is failing (Alertmanager), by @"), draft);
    } finally {
      slack.close();
    }
  }
}
