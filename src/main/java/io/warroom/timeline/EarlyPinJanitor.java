package io.warroom.timeline;

import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;

/**
 * Forgets pushpins still waiting for a message that never came (Warroom's own posts are not
 * stored), once Slack can no longer deliver that message (its retries end within the hour), so the
 * table stays small. Running it on every replica is harmless.
 */
@Singleton
class EarlyPinJanitor {

  static final Duration KEEP = Duration.ofDays(3);

  private final EarlyPinRepository earlyPins;
  private final Clock clock;

  EarlyPinJanitor(EarlyPinRepository earlyPins, Clock clock) {
    this.earlyPins = earlyPins;
    this.clock = clock;
  }

  @Scheduled(fixedDelay = "1h", initialDelay = "5m")
  void forgetOldPins() {
    earlyPins.forgetBefore(clock.instant().minus(KEEP));
  }
}
