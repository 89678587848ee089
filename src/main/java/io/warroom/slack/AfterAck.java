package io.warroom.slack;

import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs Slack calls that answer a request but must not delay its ack: opening a modal with a
 * trigger, a private follow-up to a button press.
 */
@Singleton
public class AfterAck {

  private static final Logger LOG = LoggerFactory.getLogger(AfterAck.class);

  private final ExecutorService pool;

  AfterAck() {
    AtomicInteger n = new AtomicInteger();
    pool =
        Executors.newFixedThreadPool(
            4,
            r -> {
              Thread t = new Thread(r, "after-ack-" + n.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
  }

  /** Runs the work soon; failures are logged, as the user has already been answered. */
  public void run(String what, Work work) {
    pool.execute(
        () -> {
          try {
            work.run();
          } catch (Exception e) {
            LOG.warn("{} failed: {}", what, e.toString());
          }
        });
  }

  @PreDestroy
  void stop() {
    pool.shutdown();
  }

  /** Work that may throw. */
  @FunctionalInterface
  public interface Work {
    void run() throws Exception;
  }
}
