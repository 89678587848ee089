package io.warroom.room.delivery;

import io.micronaut.context.annotation.Value;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import io.micronaut.scheduling.TaskScheduler;
import io.warroom.chat.ChatAuthState;
import io.warroom.config.DaemonThreads;
import io.warroom.config.IncidentLog;
import io.warroom.room.WarRoomRepository;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.List;
import java.util.Set;
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
 * then looks again for work that arrived meanwhile, so no wake-up is lost between replicas ({@link
 * LeasedPasses}). Failures back off (honouring Retry-After); a sweep every second picks up rooms
 * whose back-off has passed. Every {@code warroom.delivery.full-sweep} (and at start) the sweep
 * looks at every room instead, for any with work: rooms whose lease holder died, and changes whose
 * wake-up was lost because the replica that committed them died first. That look reads every room
 * ever built, so it is not made every second.
 */
@Singleton
public class WarRoomSync {

  private static final Logger LOG = LoggerFactory.getLogger(WarRoomSync.class);

  private final WarRoomRepository rooms;
  private final LeasedPasses passes;
  private final TaskScheduler scheduler;
  private final Duration sweepEvery;
  private final long fullSweepNanos;
  private volatile long lastFullSweep;
  private final ExecutorService workers;
  private final Set<Long> running = ConcurrentHashMap.newKeySet();
  private final Set<Long> again = ConcurrentHashMap.newKeySet();
  private final ChatAuthState auth;
  private volatile boolean paused;
  private volatile ScheduledFuture<?> sweeping;

  WarRoomSync(
      WarRoomRepository rooms,
      LeasedPasses passes,
      @Named("scheduled") TaskScheduler scheduler,
      @Value("${warroom.delivery.sweep:1s}") Duration sweepEvery,
      @Value("${warroom.delivery.threads:4}") int threads,
      @Value("${warroom.delivery.full-sweep:15s}") Duration fullSweepEvery,
      ChatAuthState auth) {
    this.auth = auth;
    this.fullSweepNanos = fullSweepEvery.toNanos();
    this.lastFullSweep = System.nanoTime() - fullSweepNanos; // the first sweep is a full one
    this.rooms = rooms;
    this.passes = passes;
    this.scheduler = scheduler;
    this.sweepEvery = sweepEvery;
    this.workers = Executors.newFixedThreadPool(threads, DaemonThreads.named("war-room-"));
  }

  /**
   * Starts delivering once the server is up: takes back the rooms a previous run of this process
   * held ({@link LeasedPasses#start}) and starts the sweep.
   */
  @EventListener
  void onStartup(ServerStartupEvent event) {
    passes.start(event.getSource().getPort());
    sweeping = scheduler.scheduleWithFixedDelay(Duration.ZERO, sweepEvery, this::sweepQuietly);
  }

  /**
   * On shutdown, each pass stops before its next step and hands its room over ({@link
   * LeasedPasses#stop}), so another replica goes on with it at once instead of waiting for the
   * lease to run out. A pass stuck in a Slack call past the wait keeps its lease: another replica
   * that took the room over could post what that call posted.
   */
  @PreDestroy
  void stop() throws InterruptedException {
    passes.stop();
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
    if (!passes.started() || passes.stopping() || workers.isShutdown()) {
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

  /** One room on one worker at a time; a kick while it runs makes it run once more after. */
  private void drive(long incidentId) {
    try (var about = IncidentLog.about(incidentId)) {
      do {
        again.remove(incidentId);
        passes.runWhileWork(incidentId);
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
}
