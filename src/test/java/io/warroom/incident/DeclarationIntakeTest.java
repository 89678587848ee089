package io.warroom.incident;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.transaction.TransactionOperations;
import io.warroom.fakeslack.FakeSlack;
import io.warroom.support.Incidents;
import io.warroom.support.Postgres;
import io.warroom.support.TestApp;
import io.warroom.timeline.EntryKind;
import io.warroom.timeline.Timeline;
import io.warroom.timeline.TimelineEntry;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A declaration is acked once its incident row is stored; what it sets in motion is recorded just
 * after. These tests leave incidents exactly as a process killed between the two leaves them (the
 * row stored, nothing recorded) and check that they are finished once, in order.
 */
class DeclarationIntakeTest {

  /** Sweeps hourly (the first sweep too), so nothing picks up rows saved directly. */
  private static final Map<String, Object> NO_SWEEP = Map.of("warroom.intake.sweep", "1h");

  private static Incident stored(String title, String commander) {
    return Incidents.declared("command:" + title, title, commander);
  }

  private static List<EntryKind> kinds(TestApp app, long incidentId) {
    return app.bean(Timeline.class).all(incidentId).stream().map(TimelineEntry::kind).toList();
  }

  @Test
  void incidentsLeftInIntakeByACrashAreFinishedOnceByTwoReplicas() throws Exception {
    String db = Postgres.newDatabase();
    try (FakeSlack slack = FakeSlack.start(TestApp.BOT_TOKEN, TestApp.SIGNING_SECRET)) {
      slack.user("alice");
      List<Long> ids = new ArrayList<>();
      TestApp crashed = TestApp.start(slack, db, NO_SWEEP);
      try {
        IncidentRepository rows = crashed.bean(IncidentRepository.class);
        for (int i = 1; i <= 12; i++) {
          ids.add(rows.save(stored("Left in intake " + i, i % 3 == 0 ? "U0BOB" : null)).id());
        }
        TestApp.holds(
            "nothing recorded yet without the sweep",
            Duration.ofMillis(500),
            () -> ids.stream().allMatch(id -> kinds(crashed, id).isEmpty()));
      } finally {
        crashed.stopApp();
      }
      assertEquals(0, slack.channelNames().stream().filter(n -> n.contains("intake")).count());

      TestApp a = TestApp.start(slack, db, Map.of("warroom.intake.sweep", "10ms"));
      TestApp b = TestApp.start(slack, db, Map.of("warroom.intake.sweep", "10ms"));
      try {
        for (int i = 1; i <= ids.size(); i++) {
          String name = "left-in-intake-" + i;
          TestApp.await(
              name,
              Duration.ofSeconds(30),
              () -> slack.channelNames().stream().anyMatch(n -> n.endsWith(name)));
        }
        for (int i = 1; i <= ids.size(); i++) {
          long id = ids.get(i - 1);
          List<EntryKind> expected =
              i % 3 == 0
                  ? List.of(EntryKind.DECLARED, EntryKind.ROLE_ASSIGNED)
                  : List.of(EntryKind.DECLARED);
          List<EntryKind> seenByA =
              kinds(a, id).stream()
                  .filter(k -> k == EntryKind.DECLARED || k == EntryKind.ROLE_ASSIGNED)
                  .toList();
          assertEquals(expected, seenByA, "recorded once for incident " + i);
          assertEquals(0, a.bean(IncidentRepository.class).findIdsInIntake(100).size());
        }
        assertEquals(
            ids.size(),
            slack.channelNames().stream().filter(n -> n.contains("left-in-intake-")).count(),
            "one channel each");

        // Now both replicas sweep while more declarations land in intake at once.
        List<Long> raced = new ArrayList<>();
        TransactionOperations<Connection> tx = a.bean(TransactionOperations.class);
        IncidentRepository rows = a.bean(IncidentRepository.class);
        tx.executeWrite(
            status -> {
              for (int i = 1; i <= 40; i++) {
                raced.add(rows.save(stored("Raced " + i, null)).id());
              }
              return raced.size();
            });
        TestApp.await(
            "all out of intake",
            () -> a.bean(IncidentRepository.class).findIdsInIntake(100).isEmpty());
        // A second recording would have committed within this window.
        TestApp.holds(
            "each raced incident declared once",
            Duration.ofMillis(500),
            () ->
                raced.stream()
                    .allMatch(
                        id ->
                            kinds(b, id).stream().filter(k -> k == EntryKind.DECLARED).count()
                                == 1));
      } finally {
        a.stopApp();
        b.stopApp();
      }
    }
  }

  @Test
  void aChangeToAnIncidentStillInIntakeComesAfterItsDeclaration() {
    try (TestApp app = TestApp.start(NO_SWEEP)) {
      Incident incident = app.bean(IncidentRepository.class).save(stored("Early change", null));

      app.bean(IncidentService.class)
          .assignRole(incident.id(), Role.COMMANDER, "U0CAROL", "U0ALICE");

      List<TimelineEntry> entries = app.bean(Timeline.class).all(incident.id());
      assertEquals(
          List.of(EntryKind.DECLARED, EntryKind.ROLE_ASSIGNED),
          entries.stream().map(TimelineEntry::kind).toList());
      assertTrue(entries.get(1).text().contains("<@U0CAROL>"), entries.get(1).text());
      assertEquals(List.of(), app.bean(IncidentRepository.class).findIdsInIntake(10));
    }
  }

  @Test
  void aDeclarationIsRecordedJustAfterItsAckAndAReplayIsNot() {
    try (TestApp app = TestApp.start(NO_SWEEP)) {
      IncidentService service = app.bean(IncidentService.class);
      DeclareRequest request =
          new DeclareRequest(
              "command:T0REPLAY", "Replayed", Severity.SEV1, null, false, false, "U0ALICE", null);
      Declaration first = service.declare(request);
      long id = first.incident().id();
      TestApp.await("the declaration recorded", () -> kinds(app, id).contains(EntryKind.DECLARED));

      Declaration replay = service.declare(request);

      assertTrue(first.created());
      assertEquals(false, replay.created());
      assertEquals(id, replay.incident().id());
      assertEquals(1, app.bean(IncidentRepository.class).count(), "one incident");
      assertEquals(
          1, kinds(app, id).stream().filter(k -> k == EntryKind.DECLARED).count(), "recorded once");
    }
  }
}
