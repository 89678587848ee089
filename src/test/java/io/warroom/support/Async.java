package io.warroom.support;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/**
 * Work started on a thread of its own. Tests that block threads on purpose cannot use the common
 * pool: on a small machine it has fewer threads than the test blocks.
 */
public final class Async {

  private static final ExecutorService THREADS =
      Executors.newCachedThreadPool(
          r -> {
            Thread t = new Thread(r, "test-async");
            t.setDaemon(true);
            return t;
          });

  private Async() {}

  public static <T> CompletableFuture<T> run(Supplier<T> work) {
    return CompletableFuture.supplyAsync(work, THREADS);
  }
}
