package io.warroom.triage;

import io.micronaut.context.annotation.Value;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import io.micronaut.scheduling.TaskScheduler;
import io.micronaut.transaction.annotation.TransactionalEventListener;
import io.warroom.alert.AlertGroupChanged;
import io.warroom.chat.ChatAuthState;
import io.warroom.chat.ChatFailure;
import io.warroom.config.DaemonThreads;
import io.warroom.room.delivery.Backoff;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
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
 * Brings alert groups' cards up to date: after each committed change (a kick), and from a sweep
 * that finds every group whose card is behind and due (after a failure's back-off, a restart, or a
 * replica that died holding it). One replica at a time works on a group, under a lease in its row;
 * every write names the lease's generation, so a replica that lost the group changes nothing.
 */
@Singleton
public class TriageCards {

  private static final Logger LOG = LoggerFactory.getLogger(TriageCards.class);

  private final TriageRepository groups;
  private final TriagePass pass;
  private final TaskScheduler scheduler;
  private final ChatAuthState auth;
  private final Duration sweepEvery;
  private final Backoff backoff;
  private final long leaseMillis;
  private final String node;
  private final ExecutorService workers;
  private final Set<Long> running = ConcurrentHashMap.newKeySet();
  private final Set<Long> again = ConcurrentHashMap.newKeySet();
  private volatile String owner;
  private volatile ScheduledFuture<?> sweeping;
  private volatile boolean stopping;

  TriageCards(
      TriageRepository groups,
      TriagePass pass,
      @Named("scheduled") TaskScheduler scheduler,
      ChatAuthState auth,
      @Value("${warroom.delivery.sweep:1s}") Duration sweepEvery,
      @Value("${warroom.delivery.first-backoff:1s}") Duration firstBackoff,
      @Value("${warroom.delivery.lease:60s}") Duration lease,
      @Value("${warroom.delivery.node:}") String node) {
    this.groups = groups;
    this.pass = pass;
    this.scheduler = scheduler;
    this.auth = auth;
    this.sweepEvery = sweepEvery;
    this.backoff = new Backoff(firstBackoff);
    this.leaseMillis = lease.toMillis();
    this.node = node.isBlank() ? host() : node;
    this.workers = Executors.newFixedThreadPool(2, DaemonThreads.named("alert-card-"));
  }

  @EventListener
  void onStartup(ServerStartupEvent event) {
    String process = node + ":" + event.getSource().getPort();
    owner = process + "/" + UUID.randomUUID();
    int freed = groups.releaseStale(process + "/%", owner);
    if (freed > 0) {
      LOG.info("Took back {} alert card(s) a previous run of this process was drawing", freed);
    }
    sweeping = scheduler.scheduleWithFixedDelay(Duration.ZERO, sweepEvery, this::sweepQuietly);
  }

  @PreDestroy
  void stop() throws InterruptedException {
    stopping = true;
    if (sweeping != null) {
      sweeping.cancel(false);
    }
    workers.shutdown();
    if (!workers.awaitTermination(8, TimeUnit.SECONDS)) {
      LOG.warn("Alert cards still busy at shutdown; their leases run out by themselves");
    }
  }

  @TransactionalEventListener(TransactionalEventListener.TransactionPhase.AFTER_COMMIT)
  void onChange(AlertGroupChanged changed) {
    kick(changed.groupId());
  }

  /** Asks for the group's card (and auto-declaration) to be brought up to date soon. */
  public void kick(long groupId) {
    if (owner == null || stopping || workers.isShutdown()) {
      return; // the sweep will find it
    }
    if (!running.add(groupId)) {
      again.add(groupId);
      return;
    }
    try {
      workers.execute(() -> drive(groupId));
    } catch (RuntimeException rejected) {
      running.remove(groupId);
    }
  }

  void sweep() {
    if (!auth.accepted()) {
      return;
    }
    groups.findDue().forEach(this::kick);
  }

  private void sweepQuietly() {
    try {
      sweep();
    } catch (RuntimeException e) {
      LOG.warn("Alert card sweep failed: {}", e.toString());
    }
  }

  private void drive(long groupId) {
    try {
      do {
        again.remove(groupId);
        runClaimed(groupId);
      } while (again.contains(groupId));
    } catch (RuntimeException e) {
      LOG.error("Alert card {} stopped unexpectedly", groupId, e);
    } finally {
      running.remove(groupId);
      if (again.remove(groupId)) {
        kick(groupId);
      }
    }
  }

  private void runClaimed(long groupId) {
    if (stopping || !auth.accepted() || groups.claim(groupId, owner, leaseMillis) != 1) {
      return;
    }
    Long generation = groups.generation(groupId, owner).orElse(null);
    if (generation == null) {
      return;
    }
    TriageLease lease = new TriageLease(groups, groupId, generation, leaseMillis, () -> stopping);
    try {
      pass.run(groupId, lease);
      groups.clearFailures(groupId, generation);
    } catch (TriageLease.Lost lost) {
      LOG.info("Alert card {}: another replica took it over", groupId);
    } catch (ChatFailure failure) {
      recordFailure(groupId, generation, failure, failure.retryAfter().orElse(null));
    } catch (RuntimeException e) {
      LOG.error("Alert card {} failed", groupId, e);
      recordFailure(groupId, generation, e, null);
    } finally {
      groups.release(groupId, generation);
    }
  }

  private void recordFailure(
      long groupId, long generation, RuntimeException failure, Duration retryAfter) {
    int failures = groups.findById(groupId).map(TriagedGroup::cardFailures).orElse(0);
    Duration wait = backoff.after(failures, retryAfter);
    LOG.warn(
        "Alert card {}: {} (failure {}, next try in {}s)",
        groupId,
        failure.getMessage() == null ? failure.toString() : failure.getMessage(),
        failures + 1,
        wait.toSeconds());
    groups.recordFailure(groupId, generation, wait.toMillis());
  }

  private static String host() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      return "localhost";
    }
  }
}
