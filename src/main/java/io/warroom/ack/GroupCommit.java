package io.warroom.ack;

import io.micronaut.context.annotation.Value;
import io.micronaut.transaction.TransactionOperations;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs short writes that many request threads make at once in shared transactions. A commit is what
 * a write costs most (H2 rewrites the changed pages of every table and index it touched; a
 * PostgreSQL commit waits for its WAL flush), so a burst of fifty declarations that share one
 * commit acks several times faster than fifty commits in a row.
 *
 * <p>{@link #write} returns only after the caller's work is committed, or throws what the work
 * threw: a caller acks Slack only for what is stored. The work of several callers runs on a
 * committer thread, one after another, in one transaction. If any of them fails, that transaction
 * is rolled back and each is run again in a transaction of its own, so one bad write never takes
 * the others down and each caller gets its own outcome. Work must therefore be safe to run twice
 * when the first run was rolled back (no side effects outside the database before the commit).
 *
 * <p>A caller that must answer in time can give the commit a deadline: if its work has not begun by
 * then, it is withdrawn and never runs, so the caller can say for certain that nothing was written.
 *
 * <p>A caller that is already in a transaction runs its work there, at once: it may hold locks the
 * committer would wait for.
 */
@Singleton
public class GroupCommit {

  private static final Logger LOG = LoggerFactory.getLogger(GroupCommit.class);

  /** More per transaction gains little and makes the first of a burst wait longer. */
  static final int MAX_BATCH = 64;

  private final TransactionOperations<Connection> tx;
  private final BlockingQueue<Pending<?>> queue = new LinkedBlockingQueue<>();
  private final List<Thread> committers = new ArrayList<>();
  private final AtomicLong committed = new AtomicLong();
  private final boolean grouped;
  private volatile boolean stopping;

  /**
   * @param grouped internal switch ({@code warroom.storage.group-commit}) for decision 6's
   *     measurement: false runs each write alone in a plain transaction of its own, on up to 8
   *     threads, keeping the deadline
   */
  GroupCommit(
      TransactionOperations<Connection> tx,
      @Value("${warroom.storage.committers:2}") int committers,
      @Value("${warroom.storage.group-commit:true}") boolean grouped) {
    this.tx = tx;
    this.grouped = grouped;
    int threads = grouped ? committers : Math.max(committers, 8);
    for (int i = 1; i <= Math.max(1, threads); i++) {
      Thread t = new Thread(this::commitLoop, "group-commit-" + i);
      t.setDaemon(true);
      t.start();
      this.committers.add(t);
    }
  }

  /** Runs the work in a transaction, perhaps shared with other callers; returns once committed. */
  public <T> T write(Supplier<T> work) {
    return write(work, null);
  }

  /**
   * Like {@link #write(Supplier)}, but waits at most {@code patience} for the commit, for a caller
   * that must answer in time whatever the database does (Slack gives up on an ack after 3 s).
   *
   * @throws TooLate when the patience ran out: if the work had not begun, it never will, and
   *     nothing was written; if it had, it may still be committed
   */
  public <T> T write(Supplier<T> work, Duration patience) {
    if (tx.findTransactionStatus().isPresent() || stopping) {
      return tx.executeWrite(status -> work.get());
    }
    Pending<T> pending = new Pending<>(work);
    queue.add(pending);
    try {
      if (patience == null) {
        return pending.result.get();
      }
      return pending.result.get(patience.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      boolean withdrawn = pending.withdraw();
      if (withdrawn) {
        queue.remove(pending);
      }
      throw new TooLate(patience, !withdrawn);
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
      throw new IllegalStateException("interrupted while the write was committed", e);
    }
  }

  private void commitLoop() {
    List<Pending<?>> batch = new ArrayList<>(MAX_BATCH);
    while (!stopping || !queue.isEmpty()) {
      try {
        Pending<?> first = queue.poll(200, TimeUnit.MILLISECONDS);
        if (first == null) {
          continue;
        }
        batch.add(first);
        if (grouped) {
          queue.drainTo(batch, MAX_BATCH - 1);
        }
        commit(batch);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (RuntimeException | Error e) {
        // Never lose the thread; every caller in the batch was already answered.
        LOG.error("Group commit failed unexpectedly", e);
      } finally {
        batch.clear();
      }
    }
  }

  private void commit(List<Pending<?>> batch) {
    if (batch.size() > 1) {
      try {
        List<Object> results =
            tx.executeWrite(
                status -> {
                  List<Object> out = new ArrayList<>(batch.size());
                  for (Pending<?> p : batch) {
                    out.add(p.begin() ? p.work.get() : null);
                  }
                  return out;
                });
        committed.incrementAndGet();
        for (int i = 0; i < batch.size(); i++) {
          batch.get(i).complete(results.get(i));
        }
        return;
      } catch (RuntimeException | Error shared) {
        LOG.debug("A write in a batch of {} failed; running each alone", batch.size(), shared);
      }
    }
    for (Pending<?> p : batch) {
      runAlone(p);
    }
  }

  private void runAlone(Pending<?> p) {
    if (p.withdrawn()) {
      return; // its caller has given up on it and said nothing was written
    }
    try {
      Object result = tx.executeWrite(status -> p.begin() ? p.work.get() : null);
      committed.incrementAndGet();
      p.complete(result);
    } catch (RuntimeException | Error e) {
      p.result.completeExceptionally(e);
    }
  }

  /** For tests: transactions committed so far. */
  long transactions() {
    return committed.get();
  }

  /** For tests: writes waiting for a committer. */
  int queued() {
    return queue.size();
  }

  /** Commits what is queued, then stops the committers. */
  @PreDestroy
  void stop() throws InterruptedException {
    stopping = true;
    for (Thread t : committers) {
      t.join(5000);
    }
    // Anything queued after the committers' last look.
    List<Pending<?>> left = new ArrayList<>();
    queue.drainTo(left);
    for (Pending<?> p : left) {
      runAlone(p);
    }
  }

  /** The database did not commit a write within its caller's patience. */
  public static final class TooLate extends RuntimeException {

    private final boolean maybeWritten;

    TooLate(Duration patience, boolean maybeWritten) {
      super(
          "the database did not commit within "
              + patience.toMillis()
              + " ms"
              + (maybeWritten ? "; the write had begun and may still be committed" : ""));
      this.maybeWritten = maybeWritten;
    }

    /**
     * False when the write was withdrawn before it began: then nothing was, or will be, written.
     */
    public boolean maybeWritten() {
      return maybeWritten;
    }
  }

  private static final class Pending<T> {
    private static final int QUEUED = 0;
    private static final int BEGUN = 1;
    private static final int WITHDRAWN = 2;

    private final Supplier<T> work;
    private final CompletableFuture<T> result = new CompletableFuture<>();
    private final AtomicInteger state = new AtomicInteger(QUEUED);

    private Pending(Supplier<T> work) {
      this.work = work;
    }

    /**
     * Called in the transaction, just before the work: false if its caller withdrew it. Once begun
     * it stays begun, so a rolled-back batch may run it again alone.
     */
    private boolean begin() {
      return state.compareAndSet(QUEUED, BEGUN) || state.get() == BEGUN;
    }

    /** The caller gives up; true if the work had not begun and now never will. */
    private boolean withdraw() {
      return state.compareAndSet(QUEUED, WITHDRAWN);
    }

    private boolean withdrawn() {
      return state.get() == WITHDRAWN;
    }

    @SuppressWarnings("unchecked")
    private void complete(Object value) {
      result.complete((T) value);
    }
  }
}
