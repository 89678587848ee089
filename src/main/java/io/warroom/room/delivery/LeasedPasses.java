package io.warroom.room.delivery;

import io.micronaut.context.annotation.Value;
import io.micronaut.scheduling.TaskScheduler;
import io.warroom.chat.ChatAuthState;
import io.warroom.chat.ChatFailure;
import io.warroom.room.WarRoom;
import io.warroom.room.WarRoomRepository;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One room's passes under its lease: claims the room (or leaves it to the replica that holds it),
 * runs a {@link WarRoomPass} while a {@link LeaseKeeper} renews the lease, records a failure with
 * its back-off (honouring Retry-After), then releases the room, or hands it over when this replica
 * is shutting down; and again while work remains. {@link WarRoomSync} decides when and on which
 * thread.
 */
@Singleton
class LeasedPasses {

  private static final Logger LOG = LoggerFactory.getLogger(LeasedPasses.class);

  private final WarRoomRepository rooms;
  private final WarRoomPass pass;
  private final TaskScheduler scheduler;
  private final ChatAuthState auth;
  private final Backoff backoff;
  private final Duration lease;
  private final String node;
  private volatile String owner;
  private volatile boolean stopping;

  LeasedPasses(
      WarRoomRepository rooms,
      WarRoomPass pass,
      @Named("scheduled") TaskScheduler scheduler,
      ChatAuthState auth,
      @Value("${warroom.delivery.first-backoff:1s}") Duration firstBackoff,
      @Value("${warroom.delivery.lease:60s}") Duration lease,
      @Value("${warroom.delivery.node:}") String node) {
    this.rooms = rooms;
    this.pass = pass;
    this.scheduler = scheduler;
    this.auth = auth;
    this.backoff = new Backoff(firstBackoff);
    this.lease = lease;
    this.node = node.isBlank() ? host() : node;
  }

  /**
   * Names this process as a lease owner and frees the leases a previous run of it left (same node
   * and port, so that process is gone). The node is the host's name unless {@code
   * warroom.delivery.node} names it (a pod's name, say).
   */
  void start(int port) {
    String process = node + ":" + port;
    owner = process + "/" + UUID.randomUUID();
    int freed = rooms.releaseStale(process + "/%", owner);
    if (freed > 0) {
      LOG.info("Took back {} war room(s) a previous run of this process was building", freed);
    }
  }

  /** Whether {@link #start} has run, so that rooms can be claimed. */
  boolean started() {
    return owner != null;
  }

  /**
   * From now on each pass stops before its next step and hands its room over ({@link
   * WarRoomRepository#handOver}), so another replica goes on with it at once instead of waiting for
   * the lease to run out.
   */
  void stop() {
    stopping = true;
  }

  boolean stopping() {
    return stopping;
  }

  /**
   * Runs passes on the room while this replica can claim it and work remains; returns when another
   * replica holds it, a pass failed (its back-off is recorded), or the room is up to date.
   */
  void runWhileWork(long incidentId) {
    Lease held;
    while (!stopping && auth.accepted() && (held = claim(incidentId)) != null) {
      boolean failed;
      LeaseKeeper keeper = new LeaseKeeper(scheduler, incidentId, held, lease);
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

  /** Records the failure and when to try again ({@link Backoff}). */
  private void recordFailure(
      long incidentId, Lease held, RuntimeException failure, Duration retryAfter) {
    WarRoom room = rooms.findById(incidentId).orElse(null);
    int failures = room == null ? 0 : room.failures();
    Duration wait = backoff.after(failures, retryAfter);
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
        incidentId, held.generation(), wait.toMillis(), DeliveryLimits.reason(message));
  }

  private static String host() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      return "localhost";
    }
  }
}
