package io.warroom.room.delivery;

import io.warroom.chat.ChatFailure;
import io.warroom.config.DaemonThreads;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Runs the steps of a pass that do not depend on each other at the same time, and says which of
 * their failures the pass fails with: one step failing does not stop the others, and the failure
 * kept is the one that decides the back-off best (see {@link #rank}).
 */
@Singleton
class PassSteps {

  /** Runs the steps of passes that go on at the same time as others; idle threads end soon. */
  private final ExecutorService steps =
      new ThreadPoolExecutor(
          0,
          Integer.MAX_VALUE,
          10,
          TimeUnit.SECONDS,
          new SynchronousQueue<>(),
          DaemonThreads.named("war-room-step-"));

  /**
   * Runs the steps at the same time (the first on the calling thread) and waits for all of them;
   * then throws what failed, preferring a fault of Warroom's own, then a failure to retry soon over
   * a wait for the rate limit. The others are added to it as suppressed.
   */
  void runTogether(List<Runnable> steps) {
    List<CompletableFuture<Void>> running = new ArrayList<>();
    for (Runnable step : steps.subList(1, steps.size())) {
      running.add(CompletableFuture.runAsync(step, this.steps));
    }
    RuntimeException failed = null;
    try {
      steps.get(0).run();
    } catch (RuntimeException e) {
      failed = e;
    }
    for (CompletableFuture<Void> step : running) {
      try {
        step.join();
      } catch (CompletionException | CancellationException e) {
        RuntimeException cause =
            e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e);
        failed = failed == null ? cause : worse(failed, cause);
      }
    }
    if (failed != null) {
      throw failed;
    }
  }

  private static RuntimeException worse(RuntimeException a, RuntimeException b) {
    RuntimeException first = rank(a) <= rank(b) ? a : b;
    RuntimeException second = first == a ? b : a;
    first.addSuppressed(second);
    return first;
  }

  /**
   * Lower goes first: a bug or database fault, a failure without a wait, then the shortest wait.
   */
  private static long rank(RuntimeException e) {
    if (!(e instanceof ChatFailure f)) {
      return Long.MIN_VALUE;
    }
    return f.retryAfter().map(Duration::toMillis).orElse(Long.MIN_VALUE + 1);
  }

  @PreDestroy
  void stop() {
    steps.shutdown();
  }
}
