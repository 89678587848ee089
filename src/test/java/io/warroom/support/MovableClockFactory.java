package io.warroom.support;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * With {@code test.movable-clock: true}, Warroom reads a clock that stands still where the test put
 * it ({@link MovableClock#set}), so a test can build a history with exact durations through the
 * real services. The database keeps its own clock.
 */
@Factory
@Requires(property = "test.movable-clock", value = "true")
public class MovableClockFactory {

  @Singleton
  @Replaces(Clock.class)
  MovableClock movable() {
    return new MovableClock(Instant.parse("2026-01-01T00:00:00Z"));
  }

  /** A clock that shows the instant last set. */
  public static final class MovableClock extends Clock {

    private final AtomicReference<Instant> now;

    MovableClock(Instant start) {
      this.now = new AtomicReference<>(start);
    }

    public void set(Instant instant) {
      now.set(instant);
    }

    @Override
    public Instant instant() {
      return now.get();
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }
  }
}
