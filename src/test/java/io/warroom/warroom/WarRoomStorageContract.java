package io.warroom.warroom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.transaction.TransactionOperations;
import io.warroom.incident.Declaration;
import io.warroom.incident.DeclareRequest;
import io.warroom.incident.Incident;
import io.warroom.incident.IncidentRepository;
import io.warroom.incident.IncidentService;
import io.warroom.incident.Role;
import io.warroom.incident.Severity;
import io.warroom.incident.StatusUpdate;
import io.warroom.support.Async;
import io.warroom.support.Incidents;
import io.warroom.support.TestApp;
import java.sql.Connection;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The storage the war room relies on, run against each database: migrations, the declaration's
 * rows, the compare-and-set that records a declaration once, the lease that keeps replicas apart,
 * and the work queries. Delivery is switched off so the test alone drives the rows.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class WarRoomStorageContract {

  private TestApp app;
  private IncidentService incidents;
  private WarRoomRepository rooms;
  private OutboxRepository outbox;
  private IncidentRepository incidentRows;
  private TransactionOperations<Connection> tx;

  abstract String jdbcUrl();

  @BeforeAll
  void start() {
    app =
        TestApp.start(
            io.warroom.sandbox.FakeSlack.start(TestApp.BOT_TOKEN, TestApp.SIGNING_SECRET),
            jdbcUrl(),
            Map.of(
                "warroom.delivery.sweep",
                "1h",
                "warroom.delivery.threads",
                1,
                "warroom.intake.sweep",
                "1h"));
    app.slack.faults().always("*", io.warroom.sandbox.Faults.Fault.serverError());
    incidents = app.bean(IncidentService.class);
    rooms = app.bean(WarRoomRepository.class);
    outbox = app.bean(OutboxRepository.class);
    incidentRows = app.bean(IncidentRepository.class);
    tx = app.bean(TransactionOperations.class);
  }

  @AfterAll
  void stop() {
    app.close();
  }

  /**
   * Declares, then waits for the one delivery attempt the commit wakes (it fails: every Slack call
   * answers 500) so the test alone touches the rows afterwards; the sweep runs hourly.
   */
  private Incident declare(String title) {
    Declaration d =
        incidents.declare(
            new DeclareRequest(
                UUID.randomUUID().toString(),
                title,
                Severity.SEV1,
                "checkout",
                false,
                false,
                "U1",
                null));
    long id = d.incident().id();
    TestApp.await(
        "the first delivery attempt to settle",
        () ->
            rooms.findById(id).map(r -> r.failures() > 0 && r.leaseOwner() == null).orElse(false));
    rooms.clearFailures(id);
    return d.incident();
  }

  @Test
  void aDeclarationPlansItsRoomAndQueuesItsPosts() {
    Incident incident = declare("Storage contract incident");
    WarRoom room = rooms.findById(incident.id()).orElseThrow();
    assertTrue(room.channelBase().endsWith("-storage-contract-incident"), room.channelBase());
    List<OutboxEntry> queued = outbox.findByIncidentIdAndDeliveredAtIsNullOrderById(incident.id());
    assertEquals(
        List.of(OutboxKind.CARD, OutboxKind.EXPLORATION_THREAD),
        queued.stream().map(OutboxEntry::kind).toList());
    assertEquals(1, rooms.countWork(incident.id()));
  }

  @Test
  void aRequestKeyDeclaresOnce() {
    DeclareRequest request =
        new DeclareRequest(
            "view:V123", "Double submit", Severity.SEV2, null, false, false, "U1", null);
    Declaration first = incidents.declare(request);
    Declaration second = incidents.declare(request);
    assertTrue(first.created());
    assertEquals(false, second.created());
    assertEquals(first.incident().id(), second.incident().id());
  }

  /** A modal submitted again after a late answer: its update is queued for posting once. */
  @Test
  void aStatusUpdateWithARequestKeyIsQueuedOnce() {
    Incident incident = declare("Update once");
    int before = outbox.findByIncidentIdAndDeliveredAtIsNullOrderById(incident.id()).size();
    StatusUpdate update = StatusUpdate.quick("Failing over to the standby");

    incidents.postUpdate(incident.id(), update, "U1", "update-view:V-contract");
    int once = outbox.findByIncidentIdAndDeliveredAtIsNullOrderById(incident.id()).size();
    incidents.postUpdate(incident.id(), update, "U1", "update-view:V-contract");

    assertTrue(once > before, "the first submission queues the update");
    assertEquals(once, outbox.findByIncidentIdAndDeliveredAtIsNullOrderById(incident.id()).size());
  }

  /**
   * Two replicas finish the same declaration's intake at once: the second waits for the first's row
   * lock and then finds nothing to do, so the declaration is recorded once.
   */
  @Test
  void onlyOneTransactionTakesAnIncidentOutOfIntake() throws Exception {
    long id =
        incidentRows
            .save(Incidents.declared(UUID.randomUUID().toString(), "Intake contract", null))
            .id();
    assertTrue(incidentRows.findIdsInIntake(1000).contains(id));
    CountDownLatch firstUpdated = new CountDownLatch(1);
    CountDownLatch releaseFirst = new CountDownLatch(1);
    CompletableFuture<Integer> first =
        Async.run(
            () ->
                tx.executeWrite(
                    status -> {
                      int n = incidentRows.leaveIntake(id);
                      firstUpdated.countDown();
                      await(releaseFirst);
                      return n;
                    }));
    await(firstUpdated);
    CompletableFuture<Integer> second =
        Async.run(() -> tx.executeWrite(status -> incidentRows.leaveIntake(id)));
    Thread.sleep(200);
    assertTrue(!second.isDone(), "waits for the first transaction");
    releaseFirst.countDown();
    assertEquals(1, first.get(10, TimeUnit.SECONDS));
    assertEquals(0, second.get(10, TimeUnit.SECONDS));
    assertTrue(!incidentRows.findIdsInIntake(1000).contains(id));
  }

  private static void await(CountDownLatch latch) {
    try {
      assertTrue(latch.await(10, TimeUnit.SECONDS));
    } catch (InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void onlyOneReplicaHoldsARoomUntilItReleasesOrTheLeaseRunsOut() {
    long id = declare("Lease contract").id();
    Instant now = Instant.now();
    assertEquals(1, rooms.claim(id, "host-a:8080/1", now.plusSeconds(60), now));
    assertEquals(0, rooms.claim(id, "host-b:8080/2", now.plusSeconds(60), now), "held by a");
    assertEquals(1, rooms.claim(id, "host-a:8080/1", now.plusSeconds(90), now), "a renews");
    assertEquals(0, rooms.release(id, "host-b:8080/2"), "b cannot release a's lease");
    assertEquals(
        1, rooms.claim(id, "host-b:8080/2", now.plusSeconds(200), now.plusSeconds(91)), "expired");
    assertEquals(1, rooms.release(id, "host-b:8080/2"));
    assertEquals(1, rooms.claim(id, "host-a:8080/1", now.plusSeconds(60), now));
    assertEquals(
        1,
        rooms.releaseStale("host-a:8080/%", "host-a:8080/3"),
        "a restarted a frees its old lease");
    assertTrue(rooms.findNeedingWork(now).contains(id));
  }

  @Test
  void failuresBackOffUntilTheirTime() {
    long id = declare("Backoff contract").id();
    Instant now = Instant.now();
    assertTrue(!rooms.findRetriesDue(now).contains(id), "no failure: not the frequent sweep's");
    rooms.recordFailure(id, now.plusSeconds(30), "chat.postMessage: HTTP 500");
    assertTrue(!rooms.findNeedingWork(now).contains(id), "waits");
    assertTrue(!rooms.findRetriesDue(now).contains(id), "waits");
    assertTrue(rooms.findNeedingWork(now.plusSeconds(31)).contains(id), "then retried");
    assertTrue(rooms.findRetriesDue(now.plusSeconds(31)).contains(id), "then retried");
    assertEquals(1, rooms.claim(id, "host-a:8080/1", now.plusSeconds(90), now.plusSeconds(31)));
    assertTrue(!rooms.findRetriesDue(now.plusSeconds(31)).contains(id), "unless held");
    rooms.release(id, "host-a:8080/1");
    rooms.clearFailures(id);
    assertTrue(rooms.findNeedingWork(now).contains(id));
    assertTrue(!rooms.findRetriesDue(now.plusSeconds(31)).contains(id), "cleared");
  }

  @Test
  void aChangeBumpsTheRevisionTheCardMustCatchUpWith() {
    Incident incident = declare("Revision contract");
    rooms.setChannel(incident.id(), "C0REVISION1", "inc-revision-contract");
    rooms.setCard(incident.id(), "1700000000.000100", incident.revision());
    outbox
        .findByIncidentIdAndDeliveredAtIsNullOrderById(incident.id())
        .forEach(e -> outbox.markDelivered(e.id(), Instant.now(), "1700000000.000200"));
    assertEquals(0, rooms.countWork(incident.id()), "in step");
    incidents.assignRole(incident.id(), Role.COMMANDER, "U2", "U1");
    assertEquals(
        incident.revision() + 1, incidentRows.findById(incident.id()).orElseThrow().revision());
    assertEquals(1, rooms.countWork(incident.id()), "card and topic behind");
  }
}
