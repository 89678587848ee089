package io.warroom.fakeslack;

import java.time.Duration;

/**
 * How one Web API call fails, as Slack's do now and then: an outage, a rate limit, a lost answer.
 * The server asks a {@link Plan} for each call; the product's simulator has none, tests install one
 * (their {@code Faults}) to show how Warroom copes.
 */
record Failure(Kind kind, Duration duration, String error) {

  /** What happens to the call. "After" variants do the work first, then fail. */
  enum Kind {
    SERVER_ERROR,
    SERVER_ERROR_AFTER,
    RATE_LIMITED,
    TIMEOUT,
    TIMEOUT_AFTER,
    SLOW,
    LATE,
    NOT_JSON,
    ERROR
  }

  /** The failure for the next call of a method in a channel (may be null), or none. */
  interface Plan {
    Failure next(String method, String channel);

    Plan NONE = (method, channel) -> null;
  }
}
