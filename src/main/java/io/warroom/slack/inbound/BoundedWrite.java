package io.warroom.slack.inbound;

import io.micronaut.context.annotation.Value;
import io.warroom.ack.Deadline;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * Runs an event's database write with a deadline ({@link Deadline}), so Slack always hears back
 * within its three seconds. A write that cannot finish in time (a locked or unreachable database)
 * fails the request with a 5xx: Slack then delivers the event again later, and nothing was
 * acknowledged that was not stored. A write that had not begun is withdrawn; if one that had begun
 * does complete late, the redelivery is recognised by its event id.
 */
@Singleton
public class BoundedWrite {

  private final Deadline deadline;

  /**
   * @param threads at most this many event writes at once: the event ingest's share of the
   *     connection pool (16), so a flood of messages while the database is slow leaves connections
   *     for commands, declarations, delivery and {@code /health}
   */
  BoundedWrite(
      @Value("${warroom.events.write-deadline:2500ms}") Duration deadline,
      @Value("${warroom.events.write-threads:6}") int threads) {
    this.deadline = new Deadline("event-write", threads, deadline);
  }

  public <T> T run(Supplier<T> write) {
    Deadline.Outcome<T> outcome;
    try {
      outcome = deadline.attempt("Storing an event", write);
    } catch (RuntimeException failed) {
      throw new IllegalStateException("storing the event failed; Slack will redeliver", failed);
    }
    if (outcome instanceof Deadline.Done<T> done) {
      return done.value();
    }
    throw new IllegalStateException(
        "the database did not answer within "
            + deadline.patience().toMillis()
            + " ms; Slack will redeliver");
  }

  @PreDestroy
  void stop() {
    deadline.close();
  }
}
