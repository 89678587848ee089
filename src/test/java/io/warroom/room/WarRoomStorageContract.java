package io.warroom.room;

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
import io.warroom.room.delivery.OutboxEntry;
import io.warroom.room.delivery.OutboxKind;
import io.warroom.room.delivery.OutboxRepository;
import io.warroom.support.Async;
import io.warroom.support.Incidents;
import io.warroom.support.TestApp;
import java.sql.Connection;
import java.time.Duration;
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
            io.warroom.fakeslack.FakeSlack.start(TestApp.BOT_TOKEN, TestApp.SIGNING_SECRET),
            jdbcUrl(),
            Map.of(
                "warroom.delivery.sweep",
                "1h",
                "warroom.delivery.threads",
                1,
                "warroom.intake.sweep",
                "1h"));
    app.slack.faults().always("*", io.warroom.fakeslack.Faults.Fault.serverError());
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
    rooms.clearFailures(id, generation(id));
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
    TestApp.holds(
        "the second waits for the first transaction",
        Duration.ofMillis(200),
        () -> !second.isDone());
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

  private long generation(long id) {
    return rooms.findById(id).orElseThrow().leaseGeneration();
  }

  /** A lease owner as long as a fully qualified host name may be (253) fits. */
  private static final String LONG_HOST = "h".repeat(63) + ("." + "n".repeat(63)).repeat(3);

  @Test
  void onlyOneReplicaHoldsARoomUntilItReleasesOrTheLeaseRunsOut() {
    long id = declare("Lease contract").id();
    String a = LONG_HOST + ":8080/" + UUID.randomUUID();
    String b = "host-b:8080/" + UUID.randomUUID();
    assertEquals(1, rooms.claim(id, a, 60_000));
    long first = rooms.generation(id, a).orElseThrow();
    assertEquals(0, rooms.claim(id, b, 60_000), "held by a");
    assertEquals(1, rooms.renew(id, first, 90_000), "a renews");
    assertEquals(0, rooms.release(id, first + 1), "another generation cannot release a's lease");
    assertEquals(1, rooms.renew(id, first, -1), "a's lease runs out (by the database's clock)");
    assertEquals(1, rooms.claim(id, b, 60_000), "expired: b claims");
    long second = rooms.generation(id, b).orElseThrow();
    assertTrue(second > first, "a new generation");
    assertEquals(0, rooms.renew(id, first, 60_000), "a, woken late, has lost it");
    assertEquals(0, rooms.setTopic(id, first, "written by a"), "a's writes are fenced off");
    assertEquals(1, rooms.setTopic(id, second, "written by b"));
    assertEquals(1, rooms.release(id, second));
    assertEquals(1, rooms.claim(id, a, 60_000));
    assertEquals(
        1,
        rooms.releaseStale(LONG_HOST + ":8080/%", LONG_HOST + ":8080/" + UUID.randomUUID()),
        "a restarted a frees its old lease");
    assertTrue(rooms.findNeedingWork().contains(id));
  }

  @Test
  void failuresBackOffUntilTheirTime() {
    long id = declare("Backoff contract").id();
    String a = "host-a:8080/" + UUID.randomUUID();
    assertTrue(!rooms.findRetriesDue().contains(id), "no failure: not the frequent sweep's");
    long generation = generation(id);
    rooms.recordFailure(id, generation, 30_000, "chat.postMessage: HTTP 500");
    assertTrue(!rooms.findNeedingWork().contains(id), "waits");
    assertTrue(!rooms.findRetriesDue().contains(id), "waits");
    rooms.recordFailure(id, generation, -1_000, "chat.postMessage: HTTP 500");
    assertTrue(rooms.findNeedingWork().contains(id), "then retried");
    assertTrue(rooms.findRetriesDue().contains(id), "then retried");
    assertEquals(1, rooms.claim(id, a, 90_000));
    assertTrue(!rooms.findRetriesDue().contains(id), "unless held");
    rooms.release(id, rooms.generation(id, a).orElseThrow());
    rooms.clearFailures(id, generation(id));
    assertTrue(rooms.findNeedingWork().contains(id));
    assertTrue(!rooms.findRetriesDue().contains(id), "cleared");
  }

  @Test
  void aChangeBumpsTheRevisionTheCardMustCatchUpWith() {
    Incident incident = declare("Revision contract");
    long generation = generation(incident.id());
    rooms.setChannel(incident.id(), generation, "C0REVISION1", "inc-revision-contract");
    rooms.setCard(incident.id(), generation, "1700000000.000100", incident.revision());
    outbox
        .findByIncidentIdAndDeliveredAtIsNullOrderById(incident.id())
        .forEach(e -> outbox.markDelivered(e.id(), generation, "1700000000.000200"));
    assertEquals(0, rooms.countWork(incident.id()), "in step");
    incidents.assignRole(incident.id(), Role.COMMANDER, "U2", "U1");
    assertEquals(
        incident.revision() + 1, incidentRows.findById(incident.id()).orElseThrow().revision());
    assertEquals(1, rooms.countWork(incident.id()), "card and topic behind");
  }
}
