package io.warroom.triage;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.warroom.fakeslack.FakeSlack;
import io.warroom.fakeslack.SlackSimulator.Posted;
import io.warroom.incident.Incident;
import io.warroom.incident.IncidentService;
import io.warroom.support.AlertPayloads;
import io.warroom.support.Postgres;
import io.warroom.support.TestApp;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * Triage on real PostgreSQL with two replicas: the V31 columns, the lease and fencing queries, the
 * once-only auto-declaration, and the detection queries.
 */
class PostgresTriageTest {

  static final String TOKEN = "integration-token-pg";

  private static ObjectNode notification(String name, String severity) {
    return AlertPayloads.alert(
        AlertPayloads.group("{}:{alertname=\"" + name + "\"}", "firing", Map.of()),
        "firing",
        Map.of("alertname", name, "severity", severity),
        Map.of("summary", name + " fires"),
        "2026-12-06T02:47:00Z");
  }

  private static List<Posted> cards(FakeSlack slack, String channel, String name) {
    return slack.messages(channel).stream()
        .filter(Posted::byBot)
        .filter(m -> m.allText().contains("alertname=" + name + "`"))
        .toList();
  }

  @Test
  void twoReplicasOnPostgresPostEachCardOnceAndDeclareOnce() throws Exception {
    FakeSlack slack = FakeSlack.start(TestApp.BOT_TOKEN, TestApp.SIGNING_SECRET);
    String alice = slack.user("alice");
    String alerts = slack.channel("alerts", false, alice, alice);
    slack.join(slack.botUserId(), alerts);
    slack.latency(Duration.ofMillis(10), Duration.ofMillis(80));
    Map<String, Object> settings = new HashMap<>();
    settings.put("warroom.integration-token", TOKEN);
    settings.put("warroom.alerts.channel", alerts);
    settings.put("warroom.alerts.auto-declare", "sev2");
    String db = Postgres.newDatabase();
    try (TestApp a = TestApp.start(slack, db, settings);
        TestApp b = TestApp.start(slack, db, settings)) {
      for (int i = 0; i < 8; i++) {
        AlertPayloads.send((i % 2 == 0 ? a : b).url("/"), TOKEN, notification("Pg" + i, "warning"));
      }
      ObjectNode critical = notification("PgDown", "critical");
      CompletableFuture<?> one =
          CompletableFuture.runAsync(() -> AlertPayloads.send(a.url("/"), TOKEN, critical));
      CompletableFuture<?> two =
          CompletableFuture.runAsync(() -> AlertPayloads.send(b.url("/"), TOKEN, critical));
      one.get();
      two.get();
      TestApp.await(
          "eight cards and the incident",
          Duration.ofSeconds(40),
          () -> {
            for (int i = 0; i < 8; i++) {
              if (cards(slack, alerts, "Pg" + i).isEmpty()) {
                return false;
              }
            }
            return a.bean(IncidentService.class).all().stream()
                .anyMatch(x -> x.title().equals("PgDown fires"));
          });
      TestApp.await(
          "both idle",
          Duration.ofSeconds(30),
          () -> a.bean(TriageRepository.class).countBehind() == 0);
      for (int i = 0; i < 8; i++) {
        assertEquals(1, cards(slack, alerts, "Pg" + i).size(), "Pg" + i);
      }
      List<Incident> declared =
          a.bean(IncidentService.class).all().stream()
              .filter(x -> x.title().equals("PgDown fires"))
              .toList();
      assertEquals(1, declared.size());

      long noisy =
          a.bean(Triage.class).unattached(20).stream()
              .filter(g -> g.summary().equals("Pg3 fires"))
              .findFirst()
              .orElseThrow()
              .id();
      b.bean(Triage.class).noise(noisy, alice);
      Detection d = a.bean(Detections.class).of(declared.get(0));
      assertEquals(Instant.parse("2026-12-06T02:47:00Z"), d.detectedAt());
      assertEquals(1, d.attached().size());
      assertEquals(List.of("Pg3 fires"), d.noise().stream().map(Detection.Alert::summary).toList());
    } finally {
      slack.close();
    }
  }
}
