package io.warroom.ack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** What a caller that must answer in time can say about work it gave a deadline. */
@Tag("fast")
class DeadlineTest {

  @Test
  void workDoneInTimeGivesItsResultAndWhatItThrew() {
    try (Deadline deadline = new Deadline("test", 1, Duration.ofSeconds(5))) {
      assertEquals(new Deadline.Done<>("stored"), deadline.attempt("a write", () -> "stored"));
      IllegalArgumentException thrown =
          assertThrows(
              IllegalArgumentException.class,
              () ->
                  deadline.attempt(
                      "a bad write",
                      () -> {
                        throw new IllegalArgumentException("no such incident");
                      }));
      assertEquals("no such incident", thrown.getMessage());
    }
  }

  @Test
  void workThatCannotBeginInTimeIsWithdrawnAndNeverRuns() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    AtomicBoolean ran = new AtomicBoolean();
    try (Deadline deadline = new Deadline("test", 1, Duration.ofSeconds(2))) {
      // The only thread is busy past the patience, so the second work cannot begin.
      Deadline.Outcome<String> first = deadline.attempt("a slow write", () -> await(release));
      assertInstanceOf(Deadline.Late.class, first);
      Deadline.Outcome<String> second =
          deadline.attempt(
              "a queued write",
              () -> {
                ran.set(true);
                return "stored";
              });
      assertInstanceOf(Deadline.NotDone.class, second);

      release.countDown();
      // The late work finishes and says so; the withdrawn one never runs.
      assertEquals("done late", ((Deadline.Late<String>) first).result().get(5, TimeUnit.SECONDS));
      assertEquals(new Deadline.Done<>("after"), deadline.attempt("a later write", () -> "after"));
      assertFalse(ran.get(), "the withdrawn work ran");
    }
  }

  private static String await(CountDownLatch release) {
    try {
      release.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return "done late";
  }
}
