package io.warroom.heartbeat;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import io.micronaut.scheduling.TaskScheduler;
import io.micronaut.transaction.TransactionOperations;
import io.warroom.config.IncidentLog;
import io.warroom.incident.Incident;
import io.warroom.incident.IncidentService;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ScheduledFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every {@code WARROOM_SCHEDULER_TICK}, on every replica, looks for overdue updates and claims each
 * due time with a compare-and-set. The one replica that wins records the reminder in the same
 * transaction, so each due time gives exactly one reminder, across replicas and restarts. The next
 * reminder follows one cadence later, until an update is posted.
 */
@Singleton
class HeartbeatScheduler {

  private static final Logger LOG = LoggerFactory.getLogger(HeartbeatScheduler.class);
  private static final int BATCH = 500;

  /** Reads of the due list per tick, so one tick always ends. */
  private static final int MAX_ROUNDS = 20;

  private final Random random = new Random();

  private final HeartbeatRepository heartbeats;
  private final IncidentService incidents;
  private final HeartbeatSettings settings;
  private final TransactionOperations<Connection> tx;
  private final TaskScheduler scheduler;
  private final Clock clock;
  private volatile ScheduledFuture<?> ticking;

  private final Timer lateness;

  HeartbeatScheduler(
      HeartbeatRepository heartbeats,
      IncidentService incidents,
      HeartbeatSettings settings,
      TransactionOperations<Connection> tx,
      @Named("scheduled") TaskScheduler scheduler,
      Clock clock,
      MeterRegistry meters) {
    this.lateness =
        Timer.builder("warroom.reminders.lateness")
            .description("how long after its due time each status-update reminder was sent")
            .register(meters);
    this.heartbeats = heartbeats;
    this.incidents = incidents;
    this.settings = settings;
    this.tx = tx;
    this.scheduler = scheduler;
    this.clock = clock;
  }

  @EventListener
  void onStartup(ServerStartupEvent event) {
    // At a fixed rate: a long tick (a burst of reminders) does not push the next one back.
    ticking = scheduler.scheduleAtFixedRate(settings.tick(), settings.tick(), this::tickQuietly);
  }

  @PreDestroy
  void stop() {
    if (ticking != null) {
      ticking.cancel(false);
    }
  }

  /**
   * Sends the reminders that are due now, and those that fall due while it works; returns how many
   * this replica sent. Each replica takes the due ones in its own random order, so replicas mostly
   * claim different reminders instead of queueing behind each other's row locks.
   */
  int tick() {
    int sent = 0;
    for (int round = 0; round < MAX_ROUNDS; round++) {
      List<Heartbeat> due = new ArrayList<>(heartbeats.findDue(clock.instant(), BATCH));
      if (due.isEmpty()) {
        break;
      }
      Collections.shuffle(due, random);
      for (Heartbeat h : due) {
        if (claim(h)) {
          sent++;
        }
      }
    }
    return sent;
  }

  private boolean claim(Heartbeat h) {
    try (var about = IncidentLog.about(h.incidentId())) {
      return claimAbout(h);
    }
  }

  private boolean claimAbout(Heartbeat h) {
    return tx.executeWrite(
        status -> {
          Optional<Incident> incident = incidents.find(h.incidentId());
          Instant now = clock.instant();
          Instant next =
              incident
                  .flatMap(i -> settings.cadence(i.severity()))
                  .map(cadence -> following(h.nextDue(), cadence, now))
                  .orElse(null);
          if (heartbeats.claim(h.incidentId(), h.nextDue(), next) != 1) {
            return false; // another replica sent this one
          }
          incidents.remindUpdateDue(h.incidentId(), h.nextDue(), h.missed() + 1, h.lastUpdateAt());
          Duration late = Duration.between(h.nextDue(), now);
          lateness.record(late.isNegative() ? Duration.ZERO : late);
          return true;
        });
  }

  /**
   * One cadence after the due time; after downtime, one cadence from now (no burst of catch-ups).
   */
  static Instant following(Instant due, Duration cadence, Instant now) {
    Instant next = due.plus(cadence);
    return next.isAfter(now) ? next : now.plus(cadence);
  }

  private void tickQuietly() {
    try {
      tick();
    } catch (RuntimeException e) {
      LOG.warn("Heartbeat tick failed: {}", e.toString());
    }
  }
}
