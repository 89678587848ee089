package io.warroom.pacing;

import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Slack waits at most 3 seconds for an ack, then retries or shows the user an error; nothing else
 * Warroom does has such a deadline. So while Slack's requests are being handled, background work
 * (recording what a declaration sets in motion, building war rooms, posting reminders) gives way:
 * before each step it waits until no request is being handled, but never longer than {@link
 * #MAX_WAIT}. A flood of requests slows the background down; it never stops it.
 *
 * <p>The Slack package wraps every listener in {@link #answering}, so requests over HTTP and over
 * Socket Mode count alike. Work done while handling a request, on its thread, never waits.
 */
@Singleton
public final class AckFirst {

  public static final Duration MAX_WAIT = Duration.ofMillis(100);

  private final ThreadLocal<Boolean> handling = ThreadLocal.withInitial(() -> false);
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition quiet = lock.newCondition();
  private int inFlight;

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
   * Waits while requests are being handled, at most {@link #MAX_WAIT}; at once on their threads.
   */
  public void giveWay() {
    if (handling.get()) {
      return;
    }
    lock.lock();
    try {
      long left = MAX_WAIT.toNanos();
      while (inFlight > 0 && left > 0) {
        left = quiet.awaitNanos(left);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
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
