package io.warroom.postmortem;

import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import io.micronaut.scheduling.TaskScheduler;
import io.micronaut.transaction.TransactionOperations;
import io.warroom.config.IncidentLog;
import io.warroom.heartbeat.Heartbeats;
import io.warroom.incident.ActionItem;
import io.warroom.incident.ActionItemService;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follow-through after resolution, on the same tick as the heartbeat and with the same guarantee:
 * the review reminder when it is due, and weekly nudges for open action items, each claimed with a
 * compare-and-set so one replica sends it, exactly once.
 */
@Singleton
class FollowUpScheduler {

  private static final Logger LOG = LoggerFactory.getLogger(FollowUpScheduler.class);
  private static final int BATCH = 200;

  private final ReviewRepository reviews;
  private final ActionItemService actionItems;
  private final TransactionOperations<Connection> tx;
  private final TaskScheduler scheduler;
  private final Heartbeats heartbeats;
  private final Clock clock;
  private volatile ScheduledFuture<?> ticking;

  FollowUpScheduler(
      ReviewRepository reviews,
      ActionItemService actionItems,
      TransactionOperations<Connection> tx,
      @Named("scheduled") TaskScheduler scheduler,
      Heartbeats heartbeats,
      Clock clock) {
    this.reviews = reviews;
    this.actionItems = actionItems;
    this.tx = tx;
    this.scheduler = scheduler;
    this.heartbeats = heartbeats;
    this.clock = clock;
  }

  @EventListener
  void onStartup(ServerStartupEvent event) {
    var tick = heartbeats.settings().tick();
    ticking = scheduler.scheduleWithFixedDelay(tick, tick, this::tickQuietly);
  }

  @PreDestroy
  void stop() {
    if (ticking != null) {
      ticking.cancel(false);
    }
  }

  void tick() {
    for (Review review : reviews.findDue(clock.instant(), BATCH)) {
      try (var about = IncidentLog.about(review.incidentId())) {
        tx.executeWrite(
            status -> {
              if (reviews.claim(review.incidentId()) == 1) {
                actionItems.reviewDue(review.incidentId(), review.dueAt());
              }
              return null;
            });
      }
    }
    List<ActionItem> due = actionItems.dueReminders(clock.instant(), BATCH);
    for (ActionItem item : due) {
      try (var about = IncidentLog.about(item.incidentId())) {
        actionItems.remind(item);
      }
    }
  }

  private void tickQuietly() {
    try {
      tick();
    } catch (RuntimeException e) {
      LOG.warn("Follow-up tick failed: {}", e.toString());
    }
  }
}
