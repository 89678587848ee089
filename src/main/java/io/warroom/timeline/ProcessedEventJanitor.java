package io.warroom.timeline;

import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Forgets what matters only while Slack may still redeliver an event (its retries end within the
 * hour): handled event ids, and pushpins still waiting for a message that never came (Warroom's own
 * posts are not stored). The tables stay small. Running it on every replica is harmless.
 */
@Singleton
class ProcessedEventJanitor {

  static final Duration KEEP = Duration.ofDays(3);

  private final ProcessedEventRepository processed;
  private final EarlyPinRepository earlyPins;
  private final Clock clock;

  ProcessedEventJanitor(
      ProcessedEventRepository processed, EarlyPinRepository earlyPins, Clock clock) {
    this.processed = processed;
    this.earlyPins = earlyPins;
    this.clock = clock;
  }

  @Scheduled(fixedDelay = "1h", initialDelay = "5m")
  void forgetOldDeliveries() {
    Instant before = clock.instant().minus(KEEP);
    processed.forgetBefore(before);
    earlyPins.forgetBefore(before);
  }
}
