package io.warroom.room.delivery;

import io.micronaut.scheduling.TaskScheduler;
import io.warroom.config.IncidentLog;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Renews the lease on a room every third of its length while a pass runs, so that one step longer
 * than the lease (a Slack call that hangs, a postmortem's many name lookups) does not let another
 * replica take the room over and post the same entries. Once the room was claimed by another
 * replica all the same, the pass stops at its next write or Slack call (see {@link Lease}).
 */
final class LeaseKeeper {

  private static final Logger LOG = LoggerFactory.getLogger(LeaseKeeper.class);

  private final long incidentId;
  private final Lease lease;
  private final ScheduledFuture<?> renewing;
  private boolean stopped;
  private volatile boolean held = true;

  /** Starts renewing {@code lease}, which runs for {@code length}, on the scheduler. */
  LeaseKeeper(TaskScheduler scheduler, long incidentId, Lease lease, Duration length) {
    this.incidentId = incidentId;
    this.lease = lease;
    Duration every = length.dividedBy(3);
    this.renewing = scheduler.scheduleAtFixedRate(every, every, this::renew);
  }

  private synchronized void renew() {
    if (stopped || !held) {
      return;
    }
    try (var about = IncidentLog.about(incidentId)) {
      held = lease.renew();
    } catch (RuntimeException e) {
      // The database did not answer; the next renewal (or the pass's own check) tries again.
      LOG.warn("War room {}: could not renew the lease: {}", incidentId, e.toString());
    }
    if (!held) {
      LOG.info("War room {}: the lease was lost during a step; the pass will stop", incidentId);
    }
  }

  /** After this, no renewal runs, so a release that follows stays released. */
  synchronized void stop() {
    stopped = true;
    renewing.cancel(false);
  }
}
