package io.warroom.health;

import io.micronaut.context.annotation.Value;
import io.micronaut.runtime.graceful.GracefulShutdownCapable;
import io.micronaut.runtime.server.EmbeddedServer;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;

/**
 * SIGTERM, the way an orchestrator stops a replica (SPEC section 15): readiness turns 503 at once
 * while requests are still served for {@code warroom.shutdown.drain}, so load balancers stop
 * sending new ones; then the HTTP server stops accepting and lets the requests in flight finish;
 * then the JVM exits through Micronaut's shutdown, where the war-room delivery stops before its
 * next step and hands the rooms it holds to another replica ({@code WarRoomSync}). If anything
 * hangs, the process halts itself after {@code warroom.shutdown.limit} (30 s, Kubernetes's default
 * grace period).
 *
 * <p>Micronaut's own shutdown hook stops the HTTP server's event loops first, cutting off requests
 * in flight; hence Warroom takes SIGTERM itself, and runs that hook only once the server is idle.
 */
@Singleton
public class GracefulStop {

  private static final Logger LOG = LoggerFactory.getLogger(GracefulStop.class);

  /** Left for Micronaut's shutdown (background work, the pool, the database) after the requests. */
  private static final Duration FOR_THE_REST = Duration.ofSeconds(10);

  private final Readiness readiness;
  private final EmbeddedServer server;
  private final Duration drain;
  private final Duration limit;
  private final AtomicBoolean begun = new AtomicBoolean();

  GracefulStop(
      Readiness readiness,
      EmbeddedServer server,
      @Value("${warroom.shutdown.drain:5s}") Duration drain,
      @Value("${warroom.shutdown.limit:30s}") Duration limit) {
    this.readiness = readiness;
    this.server = server;
    this.drain = drain;
    this.limit = limit;
  }

  /** Makes SIGTERM stop this process gracefully (only the real process; tests stop in-process). */
  public void takeSigterm() {
    Signal.handle(
        new Signal("TERM"),
        signal -> {
          Thread stopping = new Thread(this::stopAndExit, "graceful-stop");
          stopping.start();
        });
  }

  private void stopAndExit() {
    if (!begun.compareAndSet(false, true)) {
      return;
    }
    Thread watchdog =
        new Thread(
            () -> {
              sleep(limit.minusMillis(500));
              System.err.println(
                  "warroom: still stopping after " + limit.toSeconds() + " s; halting");
              Runtime.getRuntime().halt(1);
            },
            "graceful-stop-limit");
    watchdog.setDaemon(true);
    watchdog.start();
    drainRequests();
    LOG.info("Stopped taking requests; exiting");
    System.exit(0);
  }

  /**
   * Not ready from now on; requests keep being served for the drain time; then the server stops
   * accepting and waits for the requests in flight.
   */
  void drainRequests() {
    LOG.info(
        "Stopping: not ready from now on; serving requests for {} ms more, then finishing those in"
            + " flight",
        drain.toMillis());
    readiness.stopping();
    sleep(drain);
    if (server instanceof GracefulShutdownCapable graceful) {
      Duration wait = limit.minus(drain).minus(FOR_THE_REST);
      try {
        graceful
            .shutdownGracefully()
            .toCompletableFuture()
            .get(Math.max(wait.toMillis(), 1000), TimeUnit.MILLISECONDS);
      } catch (TimeoutException e) {
        LOG.warn("Requests still in flight after {} s; stopping anyway", wait.toSeconds());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } catch (Exception e) {
        LOG.warn("Graceful stop of the HTTP server failed: {}", e.toString());
      }
    }
  }

  private static void sleep(Duration d) {
    try {
      Thread.sleep(Math.max(0, d.toMillis()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
