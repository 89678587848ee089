package io.warroom.incident;

import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Forgets handled request keys once Slack can no longer send their request again, so the table
 * stays small. A key guards a modal submitted again after a late answer: the user does that within
 * minutes, while the modal is still open, so three days is ample. Running it on every replica is
 * harmless.
 */
@Singleton
class HandledRequestJanitor {

  static final Duration KEEP = Duration.ofDays(3);

  private static final Logger LOG = LoggerFactory.getLogger(HandledRequestJanitor.class);

  private final HandledRequestRepository handled;
  private final Clock clock;

  HandledRequestJanitor(HandledRequestRepository handled, Clock clock) {
    this.handled = handled;
    this.clock = clock;
  }

  @Scheduled(fixedDelay = "1h", initialDelay = "5m")
  void forgetOldRequests() {
    int forgotten = handled.forgetBefore(clock.instant().minus(KEEP));
    if (forgotten > 0) {
      LOG.debug("Forgot {} handled requests older than {}", forgotten, KEEP);
    }
  }
}
