package io.warroom.handover;

import io.micronaut.core.annotation.Order;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import io.micronaut.scheduling.TaskScheduler;
import io.micronaut.transaction.TransactionOperations;
import io.warroom.config.IncidentLog;
import io.warroom.heartbeat.Heartbeats;
import io.warroom.incident.EventOrder;
import io.warroom.incident.Incident;
import io.warroom.incident.IncidentEvent;
import io.warroom.incident.IncidentEvents;
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
import java.util.concurrent.ScheduledFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asks the war room for an Incident Commander when an incident has had none for {@code
 * WARROOM_IC_REMINDER}, then each interval again, {@link CommanderSettings#REMINDERS} times in all.
 * Like the heartbeat, every replica looks every {@code WARROOM_SCHEDULER_TICK} and claims each due
 * time with a compare-and-set; the one that wins records the reminder in the same transaction.
 */
@Singleton
class CommanderReminders {

  private static final Logger LOG = LoggerFactory.getLogger(CommanderReminders.class);
  private static final int BATCH = 200;

  private final CommanderReminderRepository reminders;
  private final CommanderSettings settings;
  private final IncidentService incidents;
  private final IncidentEvents events;
  private final TransactionOperations<Connection> tx;
  private final TaskScheduler scheduler;
  private final Duration tick;
  private final Clock clock;
  private volatile ScheduledFuture<?> ticking;

  CommanderReminders(
      CommanderReminderRepository reminders,
      CommanderSettings settings,
      IncidentService incidents,
      IncidentEvents events,
      TransactionOperations<Connection> tx,
      @Named("scheduled") TaskScheduler scheduler,
      Heartbeats heartbeats,
      Clock clock) {
    this.reminders = reminders;
    this.settings = settings;
    this.incidents = incidents;
    this.events = events;
    this.tx = tx;
    this.scheduler = scheduler;
    this.tick = heartbeats.settings().tick();
    this.clock = clock;
  }

  /** A declaration starts the clock, in the declaration's transaction. */
  @EventListener
  @Order(EventOrder.COMMANDER_REMINDER)
  void on(IncidentEvent.Declared d) {
    Instant due = settings.reminder().map(d.at()::plus).orElse(null);
    reminders.save(new CommanderReminder(d.incidentId(), due, 0));
  }

  @EventListener
  void onStartup(ServerStartupEvent event) {
    if (settings.reminder().isPresent()) {
      ticking = scheduler.scheduleAtFixedRate(tick, tick, this::tickQuietly);
    }
  }

  @PreDestroy
  void stop() {
    if (ticking != null) {
      ticking.cancel(false);
    }
  }

  /** Sends the reminders due now; returns how many this replica sent. */
  int tick() {
    Duration interval = settings.reminder().orElse(null);
    if (interval == null) {
      return 0;
    }
    List<CommanderReminder> due = new ArrayList<>(reminders.findDue(clock.instant(), BATCH));
    Collections.shuffle(due);
    int sent = 0;
    for (CommanderReminder r : due) {
      try (var about = IncidentLog.about(r.incidentId())) {
        if (claim(r, interval)) {
          sent++;
        }
      }
    }
    return sent;
  }

  private boolean claim(CommanderReminder r, Duration interval) {
    return tx.executeWrite(
        status -> {
          Optional<Incident> incident = incidents.find(r.incidentId());
          if (incident.isEmpty()
              || !incident.get().isOpen()
              || incident.get().commander() != null) {
            reminders.stop(r.incidentId());
            return false;
          }
          Instant now = clock.instant();
          int number = r.sent() + 1;
          Instant next =
              number < CommanderSettings.REMINDERS ? following(r.nextDue(), interval, now) : null;
          if (reminders.claim(r.incidentId(), r.nextDue(), next) != 1) {
            return false; // another replica sent this one
          }
          events.publish(
              new IncidentEvent.CommanderWanted(
                  incident.get(), number, CommanderSettings.REMINDERS, now));
          return true;
        });
  }

  /** One interval after the due time; after downtime, one interval from now (no burst). */
  static Instant following(Instant due, Duration interval, Instant now) {
    Instant next = due.plus(interval);
    return next.isAfter(now) ? next : now.plus(interval);
  }

  private void tickQuietly() {
    try {
      tick();
    } catch (RuntimeException e) {
      LOG.warn("No-IC reminder tick failed: {}", e.toString());
    }
  }
}
