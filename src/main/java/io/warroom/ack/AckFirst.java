package io.warroom.ack;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Slack waits at most 3 seconds for an ack, then retries or shows the user an error; nothing else
 * Warroom does has such a deadline. So while Slack's requests are being handled, background work
 * (recording what a declaration sets in motion, building war rooms, posting reminders) gives way:
 * before each step it waits until no request is being handled. While requests keep coming without a
 * pause, the background as a whole goes on one step per {@link #MAX_WAIT}: each waiter waits at
 * least that long, and then the one whose turn it is goes. A flood of requests slows the background
 * down to a trickle; it never stops it.
 *
 * <p>The Slack package wraps every listener in {@link #answering}, so requests over HTTP and over
 * Socket Mode count alike. Work done while handling a request, on its thread, never waits.
 */
@Singleton
public final class AckFirst {

  public static final Duration MAX_WAIT = Duration.ofMillis(100);

  private final boolean on;
  private final ThreadLocal<Boolean> handling = ThreadLocal.withInitial(() -> false);
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition quiet = lock.newCondition();
  private int inFlight;

  /** When the next waiter may go while requests are still being handled ({@code nanoTime}). */
  private long nextTurn = System.nanoTime();

  public AckFirst() {
    this(true);
  }

  /**
   * @param on internal switch ({@code warroom.pacing.ack-first}) for decision 6's measurement:
   *     false never makes background work wait
   */
  @Inject
  public AckFirst(@Value("${warroom.pacing.ack-first:true}") boolean on) {
    this.on = on;
  }

  /** Runs a listener, counting it as a request being handled. */
  public <T> T answering(Work<T> work) throws Exception {
    if (handling.get()) {
      return work.run();
    }
    handling.set(true);
    change(1);
    try {
      return work.run();
    } finally {
      change(-1);
      handling.set(false);
    }
  }

  /**
   * Waits while requests are being handled: at least {@link #MAX_WAIT} if they keep coming, then
   * until it is this waiter's turn (one per {@link #MAX_WAIT}). Returns at once on a request's own
   * thread.
   *
   * @return whether no request was being handled when it returned, so the caller can do more at
   *     once; false when it went on its turn while requests were still being handled
   */
  public boolean giveWay() {
    if (!on || handling.get()) {
      return true;
    }
    lock.lock();
    try {
      long deadline = System.nanoTime() + MAX_WAIT.toNanos();
      while (inFlight > 0) {
        long now = System.nanoTime();
        long until = Math.max(deadline, nextTurn);
        if (now - until >= 0) {
          nextTurn = now + MAX_WAIT.toNanos();
          return false;
        }
        quiet.awaitNanos(until - now);
      }
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    } finally {
      lock.unlock();
    }
  }

  private void change(int by) {
    lock.lock();
    try {
      inFlight += by;
      if (inFlight == 0) {
        quiet.signalAll();
      }
    } finally {
      lock.unlock();
    }
  }

  /** A listener's work. */
  @FunctionalInterface
  public interface Work<T> {
    T run() throws Exception;
  }
}
