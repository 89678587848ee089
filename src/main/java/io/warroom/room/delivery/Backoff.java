package io.warroom.room.delivery;

import io.micronaut.core.annotation.Nullable;
import java.time.Duration;

/**
 * When a failed delivery is tried again: after the wait the platform asked for (Retry-After), or
 * else after {@code first}, doubled with each failure in a row, up to a minute. War rooms and alert
 * cards both follow it.
 */
public record Backoff(Duration first) {

  private static final Duration MAX = Duration.ofSeconds(60);

  /**
   * The wait after a failure that follows {@code failures} others in a row; {@code retryAfter},
   * when given, wins.
   */
  public Duration after(int failures, @Nullable Duration retryAfter) {
    if (retryAfter != null) {
      return retryAfter;
    }
    Duration backoff = first.multipliedBy(1L << Math.min(failures, 6));
    return backoff.compareTo(MAX) > 0 ? MAX : backoff;
  }
}
