package io.warroom.support;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;

/**
 * A replica whose clock is wrong by {@code test.clock-skew-seconds} (negative: behind), as a VM
 * whose time sync failed: every feature reads this clock; the database keeps its own.
 */
@Factory
@Requires(property = "test.clock-skew-seconds")
public class SkewedClockFactory {

  @Singleton
  @Replaces(Clock.class)
  Clock skewed(@Value("${test.clock-skew-seconds}") long seconds) {
    return Clock.offset(Clock.systemUTC(), Duration.ofSeconds(seconds));
  }
}
