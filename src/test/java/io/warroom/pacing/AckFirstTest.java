package io.warroom.pacing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.warroom.support.Async;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Background Web API calls give way to requests being handled, but only for a while. */
class AckFirstTest {

  private final AckFirst ackFirst = new AckFirst();

  @Test
  void aBackgroundCallWaitsUntilTheRequestIsHandled() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    CompletableFuture<String> request = handling(release);

    CompletableFuture<Long> background =
        Async.run(
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
    CountDownLatch release = new CountDownLatch(1);
    CompletableFuture<String> request = handling(release);

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

  /** Starts a request that is being handled until released. */
  private CompletableFuture<String> handling(CountDownLatch release) throws InterruptedException {
    CountDownLatch inside = new CountDownLatch(1);
    CompletableFuture<String> request =
        Async.run(
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
    inside.await(5, TimeUnit.SECONDS);
    return request;
  }
}
