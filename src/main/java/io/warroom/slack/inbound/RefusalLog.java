package io.warroom.slack.inbound;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One log line per refused request, without its body or headers, so forged requests leave a trace;
 * at most {@link #PER_MINUTE} lines a minute, then one line that counts the rest, so a flood cannot
 * fill the disk.
 */
final class RefusalLog {

  static final int PER_MINUTE = 20;

  private static final Logger LOG = LoggerFactory.getLogger(RefusalLog.class);
  private static final Duration WINDOW = Duration.ofMinutes(1);

  private final Clock clock;
  private Instant windowStart = Instant.EPOCH;
  private int logged;
  private long suppressed;

  RefusalLog(Clock clock) {
    this.clock = clock;
  }

  /**
   * @param status the HTTP status answered
   * @param reason a fixed phrase of ours, never text from the request
   * @param remote the peer's address, or null
   */
  synchronized void refused(int status, String reason, String remote) {
    Instant now = clock.instant();
    if (!now.isBefore(windowStart.plus(WINDOW))) {
      if (suppressed > 0) {
        LOG.warn(
            "{} more Slack requests refused in the last minute, not logged one by one", suppressed);
      }
      windowStart = now;
      logged = 0;
      suppressed = 0;
    }
    if (logged < PER_MINUTE) {
      logged++;
      LOG.warn("Refused a Slack request with {}: {} (from {})", status, reason, remote);
    } else {
      suppressed++;
    }
  }
}
