package io.warroom.slack.webapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.warroom.chat.ChatFailure;
import io.warroom.slack.webapi.WebApiPacer.Urgency;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** Warroom keeps its own calls inside Slack's limits, and lets what responders need go first. */
class WebApiPacerTest {

  private final WebApiPacer pacer = new WebApiPacer(true);

  @Test
  void aTierTwoMethodGetsTwentyCallsAMinuteThenSaysHowLongToWaitWithoutSending() {
    for (int i = 0; i < 20; i++) {
      pacer.acquire("conversations.create", null, Urgency.FIRST).done();
    }
    long start = System.nanoTime();
    ChatFailure wait =
        assertThrows(
            ChatFailure.class, () -> pacer.acquire("conversations.create", null, Urgency.FIRST));

    assertEquals(ChatFailure.Kind.RATE_LIMITED, wait.kind());
    long seconds = wait.retryAfter().orElseThrow().toSeconds();
    assertTrue(seconds >= 55 && seconds <= 60, "wait " + seconds + " s");
    assertTrue(Duration.ofNanos(System.nanoTime() - start).toMillis() < 500, "no thread waits");
    // Other methods have budgets of their own.
    pacer.acquire("conversations.setTopic", null, Urgency.LATER).done();
  }

  @Test
  void postsGetABurstPerChannelThenOneASecond() {
    for (int i = 0; i < WebApiPacer.POST_BURST; i++) {
      pacer.acquire("chat.postMessage", "C1", Urgency.FIRST).done();
    }
    pacer.acquire("chat.postMessage", "C2", Urgency.FIRST).done();
    long start = System.nanoTime();
    pacer.acquire("chat.postMessage", "C1", Urgency.FIRST).done();
    long waited = Duration.ofNanos(System.nanoTime() - start).toMillis();
    assertTrue(waited >= 900 && waited < 2_000, "waited " + waited + " ms");
  }

  @Test
  void whatRespondersNeedGoesFirstWhenTheBudgetIsShort() throws Exception {
    for (int i = 0; i < WebApiPacer.POST_BURST; i++) {
      pacer.acquire("chat.postMessage", "C1", Urgency.FIRST).done();
    }
    List<String> order = new CopyOnWriteArrayList<>();
    java.util.concurrent.atomic.AtomicReference<Thread> waiter =
        new java.util.concurrent.atomic.AtomicReference<>();
    CompletableFuture<Void> later =
        CompletableFuture.runAsync(
            () -> {
              waiter.set(Thread.currentThread());
              pacer.acquire("chat.postMessage", "C1", Urgency.LATER).done();
              order.add("later");
            });
    // The LATER call is waiting first.
    io.warroom.support.TestApp.await(
        "the LATER call waiting",
        () ->
            waiter.get() != null
                && (waiter.get().getState() == Thread.State.TIMED_WAITING
                    || waiter.get().getState() == Thread.State.WAITING));
    pacer.acquire("chat.postMessage", "C1", Urgency.FIRST).done();
    order.add("first");
    try {
      later.join();
    } catch (RuntimeException e) {
      // It may run out of patience: it waits at most LATER_WAIT, and that is the point.
      order.add("later gave way");
    }
    assertEquals("first", order.get(0), order.toString());
  }

  @Test
  void aRetryAfterStopsTheMethodUntilItHasPassed() {
    pacer.limited("pins.add", null, Duration.ofSeconds(10));
    ChatFailure wait =
        assertThrows(ChatFailure.class, () -> pacer.acquire("pins.add", null, Urgency.LATER));
    assertTrue(wait.retryAfter().orElseThrow().toSeconds() >= 9, wait.getMessage());
  }

  @Test
  void switchedOffItNeverWaits() {
    WebApiPacer off = new WebApiPacer(false);
    for (int i = 0; i < 100; i++) {
      off.acquire("conversations.create", null, Urgency.FIRST).done();
    }
  }
}
