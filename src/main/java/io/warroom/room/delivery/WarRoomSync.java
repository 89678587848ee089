package io.warroom.room.delivery;

import io.micronaut.context.annotation.Value;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import io.micronaut.scheduling.TaskScheduler;
import io.warroom.chat.ChatAuthState;
import io.warroom.chat.ChatFailure;
import io.warroom.config.DaemonThreads;
import io.warroom.config.IncidentLog;
import io.warroom.room.WarRoom;
import io.warroom.room.WarRoomRepository;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drives delivery: runs {@link WarRoomPass}es for incidents with work, one replica per room at a
 * time. A replica claims a room with a lease in the database, runs the pass, releases the lease and
 * then looks again for work that arrived meanwhile, so no wake-up is lost between replicas.
 * Failures back off (honouring Retry-After); a sweep every second picks up rooms whose back-off has
 * passed. Every {@code warroom.delivery.full-sweep} (and at start) the sweep looks at every room
 * instead, for any with work: rooms whose lease holder died, and changes whose wake-up was lost
 * because the replica that committed them died first. That look reads every room ever built, so it
 * is not made every second.
 */
@Singleton
public class WarRoomSync {

  private static final Logger LOG = LoggerFactory.getLogger(WarRoomSync.class);
  private static final Duration MAX_BACKOFF = Duration.ofSeconds(60);

  private final WarRoomRepository rooms;
  private final WarRoomPass pass;
  private final TaskScheduler scheduler;
  private final Duration sweepEvery;
  private final long fullSweepNanos;
  private volatile long lastFullSweep;
  private final Duration firstBackoff;
  private final Duration lease;
  private final ExecutorService workers;
  private final Set<Long> running = ConcurrentHashMap.newKeySet();
  private final Set<Long> again = ConcurrentHashMap.newKeySet();
  private final String node;
  private final ChatAuthState auth;
  private volatile boolean paused;
  private volatile String owner;
  private volatile ScheduledFuture<?> sweeping;
  private volatile boolean stopping;

  WarRoomSync(
      WarRoomRepository rooms,
      WarRoomPass pass,
      @Named("scheduled") TaskScheduler scheduler,
      @Value("${warroom.delivery.sweep:1s}") Duration sweepEvery,
      @Value("${warroom.delivery.threads:4}") int threads,
      @Value("${warroom.delivery.first-backoff:1s}") Duration firstBackoff,
      @Value("${warroom.delivery.lease:60s}") Duration lease,
      @Value("${warroom.delivery.full-sweep:15s}") Duration fullSweepEvery,
      @Value("${warroom.delivery.node:}") String node,
      ChatAuthState auth) {
    this.auth = auth;
    this.node = node.isBlank() ? host() : node;
    this.fullSweepNanos = fullSweepEvery.toNanos();
    this.lastFullSweep = System.nanoTime() - fullSweepNanos; // the first sweep is a full one
    this.firstBackoff = firstBackoff;
    this.lease = lease;
    this.rooms = rooms;
    this.pass = pass;
    this.scheduler = scheduler;
    this.sweepEvery = sweepEvery;
    this.workers = Executors.newFixedThreadPool(threads, DaemonThreads.named("war-room-"));
  }

  /**
   * Starts delivering once the server is up: frees leases a previous run of this process left (same
   * node and port, so that process is gone) and starts the sweep. The node is the host's name
   * unless {@code warroom.delivery.node} names it (a pod's name, say).
   */
  @EventListener
  void onStartup(ServerStartupEvent event) {
    String process = node + ":" + event.getSource().getPort();
    owner = process + "/" + UUID.randomUUID();
    int freed = rooms.releaseStale(process + "/%", owner);
    if (freed > 0) {
      LOG.info("Took back {} war room(s) a previous run of this process was building", freed);
    }
    sweeping = scheduler.scheduleWithFixedDelay(Duration.ZERO, sweepEvery, this::sweepQuietly);
  }

  /**
   * On shutdown, each pass stops before its next step and hands its room over ({@link
   * WarRoomRepository#handOver}), so another replica goes on with it at once instead of waiting for
   * the lease to run out. A pass stuck in a Slack call past the wait keeps its lease: another
   * replica that took the room over could post what that call posted.
   */
  @PreDestroy
  void stop() throws InterruptedException {
    stopping = true;
    if (sweeping != null) {
      sweeping.cancel(false);
    }
    workers.shutdown();
    if (!workers.awaitTermination(8, TimeUnit.SECONDS)) {
      LOG.warn("War room delivery still busy at shutdown; its leases run out by themselves");
    }
  }

  /** Asks for the incident's room to be brought up to date soon. Cheap; repeats coalesce. */
  public void kick(long incidentId) {
    if (owner == null || stopping || workers.isShutdown()) {
      return; // the startup sweep will find it
    }
    if (!running.add(incidentId)) {
      again.add(incidentId);
      return;
    }
    try {
      workers.execute(() -> drive(incidentId));
    } catch (RuntimeException rejected) {
      running.remove(incidentId);
    }
  }

  /**
   * Kicks the rooms whose back-off has passed; at start and every full-sweep interval, every room
   * with work whose back-off has passed instead.
   */
  void sweep() {
    long tick = System.nanoTime();
    if (!auth.accepted()) {
      paused = true; // a refused token: nothing can be delivered; nothing is given up either
      return;
    }
    List<Long> due;
    if (paused || tick - lastFullSweep >= fullSweepNanos) {
      paused = false; // the token is accepted again: every room with work, at once
      due = rooms.findNeedingWork();
      lastFullSweep = tick;
    } else {
      due = rooms.findRetriesDue();
    }
    due.forEach(this::kick);
  }

  private void sweepQuietly() {
    try {
      sweep();
    } catch (RuntimeException e) {
      LOG.warn("War room sweep failed: {}", e.toString());
    }
  }

  private void drive(long incidentId) {
    try (var about = IncidentLog.about(incidentId)) {
      do {
        again.remove(incidentId);
        runClaimed(incidentId);
      } while (again.contains(incidentId));
    } catch (RuntimeException e) {
      LOG.error("War room {} delivery stopped unexpectedly", incidentId, e);
    } finally {
      running.remove(incidentId);
      if (again.remove(incidentId)) {
        kick(incidentId);
      }
    }
  }

  private void runClaimed(long incidentId) {
    Lease held;
    while (!stopping && auth.accepted() && (held = claim(incidentId)) != null) {
      boolean failed;
      LeaseKeeper keeper = new LeaseKeeper(incidentId, held);
      try {
        pass.run(incidentId, held);
        rooms.clearFailures(incidentId, held.generation());
        failed = false;
      } catch (Lease.Lost lost) {
        if (!stopping) {
          LOG.info("War room {}: another replica took it over; this one stops", incidentId);
        }
        return;
      } catch (ChatFailure failure) {
        // A refused token: due again as soon as the sweep, paused meanwhile, resumes.
        Duration wait =
            failure.kind() == ChatFailure.Kind.UNAUTHORIZED
                ? Duration.ZERO
                : failure.retryAfter().orElse(null);
        recordFailure(incidentId, held, failure, wait);
        failed = true;
      } catch (RuntimeException e) {
        LOG.error("War room {} pass failed", incidentId, e);
        recordFailure(incidentId, held, e, null);
        failed = true;
      } finally {
        keeper.stop();
        if (stopping) {
          rooms.handOver(incidentId, held.generation());
          LOG.info("War room {}: handed over to the other replicas (shutting down)", incidentId);
        } else {
          rooms.release(incidentId, held.generation());
        }
      }
      if (failed || rooms.countWork(incidentId) == 0) {
        return;
      }
    }
  }

  /** This replica's new lease on the room, or null when another replica holds it. */
  private Lease claim(long incidentId) {
    if (rooms.claim(incidentId, owner, lease.toMillis()) != 1) {
      return null;
    }
    return rooms
        .generation(incidentId, owner)
        .map(
            generation ->
                new Lease(rooms, incidentId, generation, lease.toMillis(), () -> stopping))
        .orElse(null);
  }

  /**
   * Renews the lease on a room every third of its length while a pass runs, so that one step longer
   * than the lease (a Slack call that hangs, a postmortem's many name lookups) does not let another
   * replica take the room over and post the same entries. Once the room was claimed by another
   * replica all the same, the pass stops at its next write or Slack call (see {@link Lease}).
   */
  private final class LeaseKeeper {
    private final long incidentId;
    private final Lease lease;
    private final ScheduledFuture<?> renewing;
    private boolean stopped;
    private volatile boolean held = true;

    LeaseKeeper(long incidentId, Lease lease) {
      this.incidentId = incidentId;
      this.lease = lease;
      Duration every = WarRoomSync.this.lease.dividedBy(3);
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

  private void recordFailure(
      long incidentId, Lease held, RuntimeException failure, Duration retryAfter) {
    WarRoom room = rooms.findById(incidentId).orElse(null);
    int failures = room == null ? 0 : room.failures();
    Duration backoff = firstBackoff.multipliedBy(1L << Math.min(failures, 6));
    if (backoff.compareTo(MAX_BACKOFF) > 0) {
      backoff = MAX_BACKOFF;
    }
    Duration wait = retryAfter != null ? retryAfter : backoff;
    String message = failure.getMessage() == null ? failure.toString() : failure.getMessage();
    if (failure instanceof ChatFailure f && f.kind() == ChatFailure.Kind.UNAUTHORIZED) {
      // Said once for every room, when the token was first refused.
      LOG.debug("War room {}: {}; waits for the token", incidentId, message);
    } else {
      LOG.warn(
          "War room {}: {} (failure {}, next try in {}s)",
          incidentId,
          message,
          failures + 1,
          wait.toSeconds());
    }
    rooms.recordFailure(
        incidentId,
        held.generation(),
        wait.toMillis(),
        message.length() > 500 ? message.substring(0, 500) : message);
  }

  private static String host() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      return "localhost";
    }
  }
}
