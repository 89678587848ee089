package io.warroom.storage;

import io.micronaut.context.annotation.Value;
import io.micronaut.transaction.TransactionOperations;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
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
  private volatile boolean stopping;

  GroupCommit(
      TransactionOperations<Connection> tx,
      @Value("${warroom.storage.committers:2}") int committers) {
    this.tx = tx;
    for (int i = 1; i <= Math.max(1, committers); i++) {
      Thread t = new Thread(this::commitLoop, "group-commit-" + i);
      t.setDaemon(true);
      t.start();
      this.committers.add(t);
    }
  }

  /** Runs the work in a transaction, perhaps shared with other callers; returns once committed. */
  public <T> T write(Supplier<T> work) {
    if (tx.findTransactionStatus().isPresent() || stopping) {
      return tx.executeWrite(status -> work.get());
    }
    Pending<T> pending = new Pending<>(work);
    queue.add(pending);
    try {
      return pending.result.get();
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
        queue.drainTo(batch, MAX_BATCH - 1);
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
                    out.add(p.work.get());
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
    try {
      Object result = tx.executeWrite(status -> p.work.get());
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

  private static final class Pending<T> {
    private final Supplier<T> work;
    private final CompletableFuture<T> result = new CompletableFuture<>();

    private Pending(Supplier<T> work) {
      this.work = work;
    }

    @SuppressWarnings("unchecked")
    private void complete(Object value) {
      result.complete((T) value);
    }
  }
}
