package io.warroom.fakeslack;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The page's version counter and the long polls that wait for it to move: each workspace change
 * bumps the version and completes every waiter, without holding a thread while they wait.
 */
final class PageChanges {

  private final Object lock = new Object();
  private final List<CompletableFuture<Long>> waiting = new ArrayList<>();
  private long version;

  void bump() {
    List<CompletableFuture<Long>> due;
    synchronized (lock) {
      version++;
      due = new ArrayList<>(waiting);
      waiting.clear();
    }
    long now = version();
    due.forEach(w -> w.complete(now));
  }

  CompletableFuture<Long> after(long seen) {
    CompletableFuture<Long> change = new CompletableFuture<>();
    synchronized (lock) {
      if (version > seen) {
        change.complete(version);
      } else {
        waiting.add(change);
      }
    }
    return change;
  }

  void forget(CompletableFuture<Long> change) {
    synchronized (lock) {
      waiting.remove(change);
    }
  }

  long version() {
    synchronized (lock) {
      return version;
    }
  }
}
