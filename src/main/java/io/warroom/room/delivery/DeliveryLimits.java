package io.warroom.room.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/** What every delivery step agrees on: how far back to look for an earlier try, how much to say. */
final class DeliveryLimits {

  /** Slack's clocks and ours may differ; something made this long before we asked is ours. */
  static final Duration CLOCK_SLACK = Duration.ofSeconds(60);

  /** The most of a failure's message stored with an entry given up or a room's failure. */
  private static final int REASON_CHARS = 500;

  private DeliveryLimits() {}

  /** Where a look for what an earlier try made, started at {@code tried}, begins. */
  static Instant lookBackFrom(Instant tried) {
    return tried.minus(CLOCK_SLACK);
  }

  /** A failure's message as stored: never null, at most 500 characters. */
  static String reason(String text) {
    String t = Objects.requireNonNullElse(text, "");
    return t.length() <= REASON_CHARS ? t : t.substring(0, REASON_CHARS);
  }
}
