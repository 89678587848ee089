package io.warroom.room.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The one retry rule war rooms and alert cards share. */
@Tag("fast")
class BackoffTest {

  private final Backoff backoff = new Backoff(Duration.ofSeconds(1));

  @Test
  void doublesWithEachFailureInARowUpToAMinute() {
    assertEquals(Duration.ofSeconds(1), backoff.after(0, null));
    assertEquals(Duration.ofSeconds(2), backoff.after(1, null));
    assertEquals(Duration.ofSeconds(32), backoff.after(5, null));
    assertEquals(Duration.ofSeconds(60), backoff.after(6, null));
    assertEquals(Duration.ofSeconds(60), backoff.after(1_000, null));
  }

  @Test
  void aWaitThePlatformAskedForWins() {
    assertEquals(Duration.ofSeconds(90), backoff.after(0, Duration.ofSeconds(90)));
    assertEquals(Duration.ZERO, backoff.after(6, Duration.ZERO));
  }

  @Test
  void aShortFirstWaitStillStopsAtAMinute() {
    Backoff quick = new Backoff(Duration.ofMillis(100));
    assertEquals(Duration.ofMillis(800), quick.after(3, null));
    assertEquals(Duration.ofMillis(6_400), quick.after(9, null));
  }
}
