package io.warroom.webhook;

import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Value;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import io.micronaut.scheduling.TaskScheduler;
import io.warroom.config.DaemonThreads;
import io.warroom.config.IncidentLog;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends what {@link WebhookRecorder} stored. Each endpoint has a thread of its own, so a slow or
 * dead endpoint delays no other endpoint, and no Slack request (those never wait on a send). A
 * sender takes an event with a lease in the database before POSTing it, so replicas sharing the
 * database send each event once; an event is sendable only when every earlier event of its incident
 * for that endpoint is done, which keeps each incident's events in order. A commit wakes the
 * senders; a sweep every {@code warroom.webhook.sweep} picks up retries whose back-off has passed,
 * events of other replicas' commits, and events left behind by a replica that died.
 */
@Singleton
class WebhookDispatcher {

  private static final Logger LOG = LoggerFactory.getLogger(WebhookDispatcher.class);

  private final WebhookSettings settings;
  private final WebhookDeliveryRepository deliveries;
  private final WebhookSender sender;
  private final WebhookMetrics metrics;
  private final TaskScheduler scheduler;
  private final Clock clock;
  private final String node;
  private final List<Worker> workers = new ArrayList<>();
  private volatile String owner;
  private volatile boolean stopping;
  private volatile ScheduledFuture<?> sweeping;

  WebhookDispatcher(
      WebhookSettings settings,
      WebhookDeliveryRepository deliveries,
      WebhookSender sender,
      MeterRegistry registry,
      @Named("scheduled") TaskScheduler scheduler,
      Clock clock,
      @Value("${warroom.delivery.node:}") String node) {
    this.settings = settings;
    this.deliveries = deliveries;
    this.sender = sender;
    this.metrics = new WebhookMetrics(registry, deliveries, settings.enabled());
    this.scheduler = scheduler;
    this.clock = clock;
    this.node = node.isBlank() ? host() : node;
    for (URI endpoint : settings.endpoints()) {
      workers.add(new Worker(endpoint, workers.size() + 1));
    }
  }

  /**
   * Starts sending once the server is up, after freeing what a previous run of this same process
   * (node and port) held: that run is gone.
   */
  @EventListener
  void onStartup(ServerStartupEvent event) {
    if (!settings.enabled()) {
      return;
    }
    String process = node + ":" + event.getSource().getPort();
    owner = process + "/" + UUID.randomUUID();
    int freed = deliveries.release(process + "/%");
    if (freed > 0) {
      LOG.info("Took back {} event(s) a previous run of this process was sending", freed);
    }
    LOG.info("Events out: {} endpoint(s), source {}", workers.size(), settings.source().toString());
    sweeping = scheduler.scheduleWithFixedDelay(Duration.ZERO, settings.sweep(), this::kick);
  }

  /**
   * Stops taking new events; a send in flight may finish (its timeout is shorter than the wait),
   * then what this replica still holds is freed for the others.
   */
  @PreDestroy
  void stop() throws InterruptedException {
    stopping = true;
    if (sweeping != null) {
      sweeping.cancel(false);
    }
    boolean idle = true;
    for (Worker w : workers) {
      w.thread.shutdown();
    }
    for (Worker w : workers) {
      idle &=
          w.thread.awaitTermination(settings.timeout().toMillis() + 2000, TimeUnit.MILLISECONDS);
    }
    if (owner != null && idle) {
      deliveries.release(owner);
    }
  }

  /** Asks every endpoint's sender to look for work. Cheap; repeats coalesce. */
  void kick() {
    if (owner == null || stopping) {
      return;
    }
    workers.forEach(Worker::kick);
  }

  private final class Worker {
    private final URI endpoint;
    private final String key;
    private final String shown;
    private final ExecutorService thread;
    private final AtomicBoolean queued = new AtomicBoolean();

    Worker(URI endpoint, int number) {
      this.endpoint = endpoint;
      this.key = endpoint.toString();
      this.shown = "endpoint " + number + " (" + WebhookSettings.shown(endpoint) + ")";
      this.thread =
          Executors.newSingleThreadExecutor(DaemonThreads.named("webhook-" + number + "-"));
    }

    void kick() {
      if (queued.compareAndSet(false, true)) {
        try {
          thread.execute(this::drain);
        } catch (RuntimeException rejected) {
          queued.set(false);
        }
      }
    }

    /** Sends until nothing is sendable; a round that delivered something looks again at once. */
    private void drain() {
      queued.set(false);
      try {
        boolean progressed;
        do {
          progressed = false;
          for (WebhookDelivery d : deliveries.findSendable(key)) {
            if (stopping) {
              return;
            }
            if (deliveries.claim(d.id(), d.attempts(), owner, settings.lease().toMillis()) == 1) {
              try (var about = IncidentLog.about(d.incidentId())) {
                progressed |= sendClaimed(d);
              }
            }
          }
        } while (progressed && !stopping);
      } catch (RuntimeException e) {
        LOG.warn("Events out, {}: a round failed: {}", shown, e.toString());
      }
    }

    /** True when the event is done (delivered or given up), so the next in line may go. */
    private boolean sendClaimed(WebhookDelivery d) {
      int attempt = d.attempts() + 1;
      Attempt result = sender.send(endpoint, d.messageId(), d.body());
      if (result instanceof Attempt.Delivered) {
        deliveries.finish(d.id(), owner, "delivered", null);
        metrics.delivered();
        if (attempt > 1) {
          LOG.info("Events out, {}: {} delivered on try {}", shown, d.type(), attempt);
        }
        return true;
      }
      if (result instanceof Attempt.Refused refused) {
        String why = "HTTP " + refused.status();
        deliveries.finish(d.id(), owner, "gave_up", why);
        metrics.gaveUp();
        LOG.warn(
            "Events out, {}: {} {} refused with {}; given up, not retried",
            shown,
            d.type(),
            d.messageId(),
            why);
        return true;
      }
      Attempt.Failed failed = (Attempt.Failed) result;
      String why =
          failed.reason().length() > 480 ? failed.reason().substring(0, 480) : failed.reason();
      if (!Duration.between(d.createdAt(), clock.instant())
          .minus(settings.retryFor())
          .isNegative()) {
        deliveries.finish(d.id(), owner, "gave_up", why);
        metrics.gaveUp();
        LOG.warn(
            "Events out, {}: {} {} still failing after {} tries over {}h ({}); given up",
            shown,
            d.type(),
            d.messageId(),
            attempt,
            settings.retryFor().toHours(),
            why);
        return true;
      }
      Duration wait = settings.backoff(attempt);
      if (failed.retryAfter().isPresent() && failed.retryAfter().get().compareTo(wait) > 0) {
        wait = failed.retryAfter().get();
        if (wait.compareTo(settings.maxBackoff()) > 0) {
          wait = settings.maxBackoff();
        }
      }
      deliveries.retryLater(d.id(), owner, wait.toMillis(), why);
      metrics.failed();
      if (attempt == 1) {
        LOG.warn("Events out, {}: {} failed ({}); retrying with back-off", shown, d.type(), why);
      } else {
        LOG.debug("Events out, {}: {} failed again ({}), try {}", shown, d.type(), why, attempt);
      }
      return false;
    }
  }

  private static String host() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      return "localhost";
    }
  }
}
