package io.warroom.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Background Web API calls give way to requests being handled, but only for a while. */
class AckFirstTest {

  private final AckFirst ackFirst = new AckFirst();

  @Test
  void aBackgroundCallWaitsUntilTheRequestIsHandled() throws Exception {
    CountDownLatch inside = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    CompletableFuture<String> request = handle(inside, release);
    inside.await(5, TimeUnit.SECONDS);

    CompletableFuture<Long> background =
        async(
            () -> {
              ackFirst.giveWay();
              return System.nanoTime();
            });
    Thread.sleep(30);
    assertTrue(!background.isDone(), "waits while the request is handled");
    long released = System.nanoTime();
    release.countDown();
    assertEquals("acked", request.get(5, TimeUnit.SECONDS));
    assertTrue(background.get(5, TimeUnit.SECONDS) >= released, "went on after the ack");
  }

  @Test
  void aBackgroundCallNeverWaitsLongerThanTheLimit() throws Exception {
    CountDownLatch inside = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    CompletableFuture<String> request = handle(inside, release);
    inside.await(5, TimeUnit.SECONDS);

    long start = System.nanoTime();
    ackFirst.giveWay(); // the request is still being handled
    long waited = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    assertTrue(
        waited >= AckFirst.MAX_WAIT.toMillis() - 1 && waited < 5000, "waited " + waited + " ms");
    assertTrue(!request.isDone());
    release.countDown();
    request.get(5, TimeUnit.SECONDS);
  }

  @Test
  void callsWhileHandlingARequestDoNotWaitForItself() throws Exception {
    long start = System.nanoTime();
    String result =
        ackFirst.answering(
            () -> {
              ackFirst.giveWay();
              return "acked";
            });
    assertEquals("acked", result);
    assertTrue(
        TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start) < AckFirst.MAX_WAIT.toMillis());
  }

  @Test
  void withNoRequestInFlightABackgroundCallGoesAtOnce() {
    long start = System.nanoTime();
    ackFirst.giveWay();
    assertTrue(
        TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start) < AckFirst.MAX_WAIT.toMillis());
  }

  private CompletableFuture<String> handle(CountDownLatch inside, CountDownLatch release) {
    return async(
        () -> {
          try {
            return ackFirst.answering(
                () -> {
                  inside.countDown();
                  release.await(5, TimeUnit.SECONDS);
                  return "acked";
                });
          } catch (Exception e) {
            throw new IllegalStateException(e);
          }
        });
  }

  /** Each on its own thread: the common pool may have fewer threads than the test blocks. */
  private final java.util.concurrent.ExecutorService threads =
      java.util.concurrent.Executors.newCachedThreadPool();

  private <T> CompletableFuture<T> async(java.util.function.Supplier<T> work) {
    return CompletableFuture.supplyAsync(work, threads);
  }
}
