package io.warroom.ack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.warroom.support.Async;
import io.warroom.support.TestApp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
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
    TestApp.holds(
        "background work waits while the request is handled",
        Duration.ofMillis(30),
        () -> !background.isDone());
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
  void underRequestsThatKeepComingBackgroundStepsGoOneAtATime() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    CompletableFuture<String> request = handling(release);

    long start = System.nanoTime();
    List<CompletableFuture<Long>> steps = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      steps.add(
          Async.run(
              () -> {
                assertFalse(ackFirst.giveWay(), "went on its turn, not because it was quiet");
                return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
              }));
    }
    List<Long> wentAt = new ArrayList<>();
    for (CompletableFuture<Long> step : steps) {
      wentAt.add(step.get(5, TimeUnit.SECONDS));
    }
    Collections.sort(wentAt);
    long turn = AckFirst.MAX_WAIT.toMillis();
    assertTrue(wentAt.get(0) >= turn - 1, "first after one wait: " + wentAt);
    assertTrue(wentAt.get(1) - wentAt.get(0) >= turn - 1, "then one per turn: " + wentAt);
    assertTrue(wentAt.get(2) - wentAt.get(1) >= turn - 1, "then one per turn: " + wentAt);
    release.countDown();
    request.get(5, TimeUnit.SECONDS);
    assertTrue(ackFirst.giveWay(), "quiet again: goes at once");
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
