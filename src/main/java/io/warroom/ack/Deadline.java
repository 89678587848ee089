package io.warroom.ack;

import io.warroom.config.DaemonThreads;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one rule behind answering Slack within its 3 s whatever the database does: the work runs on
 * threads of their own while the caller waits for it, at most a patience. Then:
 *
 * <ul>
 *   <li>work done in time: {@link Done}, with its result (or what it threw, thrown again);
 *   <li>work not begun in time: withdrawn, it never runs, so the caller can say for certain that
 *       nothing was done ({@link NotDone}; also when too much is waiting to queue it);
 *   <li>work begun but not done: it goes on, and its result comes later ({@link Late}).
 * </ul>
 */
public final class Deadline implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(Deadline.class);

  private final Duration patience;
  private final ThreadPoolExecutor pool;

  /**
   * @param threads the threads' names, numbered: {@code command-1}, …
   * @param size at most this much work at once; up to 1,000 more wait their turn
   */
  public Deadline(String threads, int size, Duration patience) {
    this.patience = patience;
    int n = Math.max(1, size);
    this.pool =
        new ThreadPoolExecutor(
            n,
            n,
            60,
            TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(1000),
            DaemonThreads.named(threads + "-"));
  }

  public Duration patience() {
    return patience;
  }

  /**
   * Runs the work and waits for it at most the patience.
   *
   * @param what the work, for the log
   */
  public <T> Outcome<T> attempt(String what, Supplier<T> work) {
    Task<T> task = new Task<>(work);
    try {
      pool.execute(task);
    } catch (RejectedExecutionException busy) {
      LOG.warn("{} refused: {} are waiting already", what, pool.getQueue().size());
      return new NotDone<>();
    }
    try {
      return new Done<>(task.result.get(patience.toMillis(), TimeUnit.MILLISECONDS));
    } catch (TimeoutException slow) {
      if (task.withdraw()) {
        LOG.warn("{} withdrawn: it had not begun after {} ms", what, patience.toMillis());
        return new NotDone<>();
      }
      LOG.warn("{} still running after {} ms; it will finish late", what, patience.toMillis());
      return new Late<>(task.result);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      if (e.getCause() instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException(e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while " + what + " ran", e);
    }
  }

  /** For tests: the threads running work now. */
  public int busyThreads() {
    return pool.getActiveCount();
  }

  @Override
  public void close() {
    pool.shutdown();
  }

  /** What became of work given {@link #attempt}. */
  public sealed interface Outcome<T> permits Done, NotDone, Late {}

  /** Done within the patience. */
  public record Done<T>(T value) implements Outcome<T> {}

  /** Not begun within the patience, or no room to queue it: withdrawn, it never runs. */
  public record NotDone<T>() implements Outcome<T> {}

  /** Begun but not done within the patience; it goes on, and its result comes here. */
  public record Late<T>(CompletableFuture<T> result) implements Outcome<T> {}

  /** The work and whether it has begun: a caller that gives up first withdraws it. */
  private static final class Task<T> implements Runnable {
    private static final int QUEUED = 0;
    private static final int BEGUN = 1;
    private static final int WITHDRAWN = 2;

    private final Supplier<T> work;
    private final CompletableFuture<T> result = new CompletableFuture<>();
    private final AtomicInteger state = new AtomicInteger(QUEUED);

    private Task(Supplier<T> work) {
      this.work = work;
    }

    @Override
    public void run() {
      if (!state.compareAndSet(QUEUED, BEGUN)) {
        return; // withdrawn: its caller said nothing was done
      }
      try {
        result.complete(work.get());
      } catch (RuntimeException | Error e) {
        result.completeExceptionally(e);
      }
    }

    /** True if the work had not begun, and now never will. */
    private boolean withdraw() {
      return state.compareAndSet(QUEUED, WITHDRAWN);
    }
  }
}
