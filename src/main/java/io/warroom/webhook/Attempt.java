package io.warroom.webhook;

import java.time.Duration;
import java.util.Optional;

/** How one POST of an event ended, and what follows from it. */
sealed interface Attempt {

  /** A 2xx: done. */
  record Delivered(int status) implements Attempt {}

  /** A network error, a timeout, 408, 429 or 5xx: try again later (no sooner than it asked). */
  record Failed(String reason, Optional<Duration> retryAfter) implements Attempt {}

  /** Any other answer (a 4xx, a redirect): the endpoint will not take it; give up. */
  record Refused(int status) implements Attempt {}

  /** Reads an HTTP answer by SPEC section 12's rules. */
  static Attempt of(int status, Optional<String> retryAfterHeader) {
    if (status >= 200 && status < 300) {
      return new Delivered(status);
    }
    if (status == 408 || status == 429 || status >= 500) {
      return new Failed("HTTP " + status, retryAfterHeader.flatMap(RetryAfter::parse));
    }
    return new Refused(status);
  }
}
