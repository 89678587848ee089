package io.warroom.incident;

import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.scheduling.TaskScheduler;
import io.micronaut.transaction.TransactionOperations;
import io.warroom.ack.AckFirst;
import io.warroom.config.IncidentLog;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records what a declaration sets in motion, just after the ack. Declaring stores only the incident
 * row (one insert, see {@link IncidentService#declare}), and that row starts "in intake". Here the
 * incident leaves intake and {@link IncidentEvent.Declared} is published in the same transaction,
 * so its listeners record the war room to build, the timeline's first entry, the first participant
 * and the heartbeat exactly once.
 *
 * <p>One thread does it, in batches, giving way to the requests being handled ({@link AckFirst}).
 * The queue is only a hint: a sweep every second finds every incident still in intake, the ones a
 * crash or another replica left too. Leaving intake is a compare-and-set, so whichever transaction
 * gets there first publishes and the others do nothing. A change to an incident still in intake
 * first finishes its intake ({@link #finish}), so {@code Declared} always comes first.
 */
@Singleton
class DeclarationIntake {

  private static final Logger LOG = LoggerFactory.getLogger(DeclarationIntake.class);

  /** Incidents taken out of intake per transaction when no request is waiting for its ack. */
  static final int MAX_BATCH = 32;

  /**
   * Per transaction while requests keep coming: a flood of acks then leaves the intake about ten
   * small batches a second, and the backlog is caught up with at full speed once it is over.
   */
  static final int BUSY_BATCH = 4;

  private static final int SWEEP_LIMIT = 1000;

  private final IncidentRepository incidents;
  private final IncidentEvents events;
  private final TransactionOperations<Connection> tx;
  private final AckFirst ackFirst;
  private final TaskScheduler scheduler;
  private final Duration sweepEvery;
  private final BlockingQueue<Long> queue = new LinkedBlockingQueue<>();
  private final Set<Long> queued = ConcurrentHashMap.newKeySet();
  private final Thread worker = new Thread(this::work, "declaration-intake");
  private volatile ScheduledFuture<?> sweeping;
  private volatile boolean stopping;

  DeclarationIntake(
      IncidentRepository incidents,
      IncidentEvents events,
      TransactionOperations<Connection> tx,
      AckFirst ackFirst,
      @Named("scheduled") TaskScheduler scheduler,
      @Value("${warroom.intake.sweep:1s}") Duration sweepEvery) {
    this.incidents = incidents;
    this.events = events;
    this.tx = tx;
    this.ackFirst = ackFirst;
    this.scheduler = scheduler;
    this.sweepEvery = sweepEvery;
    worker.setDaemon(true);
  }

  @EventListener
  void onStartup(StartupEvent event) {
    worker.start();
    sweeping = scheduler.scheduleWithFixedDelay(sweepEvery, sweepEvery, this::sweep);
  }

  @PreDestroy
  void stop() {
    stopping = true;
    if (sweeping != null) {
      sweeping.cancel(false);
    }
    worker.interrupt();
  }

  /** Asks for a just-declared incident to leave intake soon. Cheap; repeats coalesce. */
  void accept(long incidentId) {
    if (queued.add(incidentId)) {
      queue.add(incidentId);
    }
  }

  /**
   * Takes the incident out of intake in the caller's transaction, publishing {@code Declared}, if
   * it is still in intake; does nothing otherwise.
   */
  void finish(Incident incident) {
    if (incidents.leaveIntake(incident.id()) == 1) {
      events.publish(new IncidentEvent.Declared(incident, incident.declaredAt()));
      if (incident.commander() != null) {
        events.publish(
            new IncidentEvent.RoleAssigned(
                incident.id(),
                Role.COMMANDER,
                null,
                incident.commander(),
                incident.declaredBy(),
                incident.declaredAt()));
      }
    }
  }

  /** Finds the incidents still in intake and queues them. */
  void sweep() {
    try {
      incidents.findIdsInIntake(SWEEP_LIMIT).forEach(this::accept);
    } catch (RuntimeException e) {
      LOG.warn("Declaration intake sweep failed: {}", e.toString());
    }
  }

  private void work() {
    while (!stopping) {
      List<Long> batch = new ArrayList<>();
      try {
        batch.add(queue.take());
        boolean quiet = ackFirst.giveWay();
        queue.drainTo(batch, (quiet ? MAX_BATCH : BUSY_BATCH) - 1);
        // The same order on every replica, so two batches never wait for each other's locks.
        Collections.sort(batch);
        record(batch);
      } catch (InterruptedException e) {
        return;
      } catch (RuntimeException e) {
        LOG.error("Declaration intake stopped a batch unexpectedly; the sweep retries it", e);
      } finally {
        queued.removeAll(batch); // what is still in intake, the sweep queues again
      }
    }
  }

  private void record(List<Long> batch) {
    try {
      tx.executeWrite(status -> recordEach(batch));
    } catch (RuntimeException batchFailed) {
      for (Long id : batch) {
        try (var about = IncidentLog.about(id)) {
          tx.executeWrite(status -> recordEach(List.of(id)));
        } catch (RuntimeException e) {
          LOG.warn("Could not record the declaration of incident {}: {}", id, e.toString());
        }
      }
    }
  }

  private int recordEach(List<Long> ids) {
    for (Long id : ids) {
      incidents.findByIdForUpdate(id).ifPresent(this::finish);
    }
    return ids.size();
  }
}
