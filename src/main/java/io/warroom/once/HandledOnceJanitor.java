package io.warroom.once;

import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Forgets handled ids once Slack can no longer send them again, so the table stays small. Slack's
 * event retries end within the hour, a signed request is stale after five minutes, and a modal is
 * submitted again within minutes, while it is still open: three days is ample. Running it on every
 * replica is harmless.
 */
@Singleton
class HandledOnceJanitor {

  static final Duration KEEP = Duration.ofDays(3);

  private static final Logger LOG = LoggerFactory.getLogger(HandledOnceJanitor.class);

  private final HandledOnceRepository handled;
  private final Clock clock;

  HandledOnceJanitor(HandledOnceRepository handled, Clock clock) {
    this.handled = handled;
    this.clock = clock;
  }

  @Scheduled(fixedDelay = "1h", initialDelay = "5m")
  void forgetOld() {
    int forgotten = handled.forgetBefore(clock.instant().minus(KEEP));
    if (forgotten > 0) {
      LOG.debug("Forgot {} handled ids older than {}", forgotten, KEEP);
    }
  }
}
