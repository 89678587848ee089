package io.warroom.slack.inbound;

import io.micronaut.context.annotation.Value;
import io.warroom.config.DaemonThreads;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * Runs an event's database write with a deadline, so Slack always hears back within its three
 * seconds. A write that cannot finish in time (a locked or unreachable database) fails the request
 * with a 5xx: Slack then delivers the event again later, and nothing was acknowledged that was not
 * stored. If the late write does complete, the redelivery is recognised by its event id.
 */
@Singleton
public class BoundedWrite {

  private final Duration deadline;
  private final ThreadPoolExecutor pool;

  /**
   * @param threads at most this many event writes at once: the event ingest's share of the
   *     connection pool (16), so a flood of messages while the database is slow leaves connections
   *     for commands, declarations, delivery and {@code /health}
   */
  BoundedWrite(
      @Value("${warroom.events.write-deadline:2500ms}") Duration deadline,
      @Value("${warroom.events.write-threads:6}") int threads) {
    this.deadline = deadline;
    int size = Math.max(1, threads);
    this.pool =
        new ThreadPoolExecutor(
            size,
            size,
            60,
            TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(1000),
            DaemonThreads.named("event-write-"));
  }

  public <T> T run(Supplier<T> write) {
    Future<T> future;
    try {
      future = pool.submit(write::get);
    } catch (RejectedExecutionException busy) {
      throw new IllegalStateException("too many event writes waiting; Slack will redeliver", busy);
    }
    try {
      return future.get(deadline.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException slow) {
      throw new IllegalStateException(
          "the database did not answer within " + deadline.toMillis() + " ms; Slack will redeliver",
          slow);
    } catch (ExecutionException failed) {
      throw new IllegalStateException(
          "storing the event failed; Slack will redeliver", failed.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @PreDestroy
  void stop() {
    pool.shutdown();
  }
}
