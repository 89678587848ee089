package io.warroom.timeline;

import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;

/**
 * Forgets handled event ids once Slack can no longer redeliver them (its retries end within the
 * hour), so the table stays small. Running it on every replica is harmless.
 */
@Singleton
class ProcessedEventJanitor {

  static final Duration KEEP = Duration.ofDays(3);

  private final ProcessedEventRepository processed;
  private final Clock clock;

  ProcessedEventJanitor(ProcessedEventRepository processed, Clock clock) {
    this.processed = processed;
    this.clock = clock;
  }

  @Scheduled(fixedDelay = "1h", initialDelay = "5m")
  void forgetOldDeliveries() {
    processed.forgetBefore(clock.instant().minus(KEEP));
  }
}
