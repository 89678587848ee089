package io.warroom.heartbeat;

import io.micronaut.core.annotation.Nullable;
import io.warroom.incident.Severity;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The one "next update due" rule, used by the reminders (what is stored) and by the room (what an
 * update tells people): the time the update promised, if it promised one; otherwise the severity's
 * cadence counted from {@code since}; none when reminders are off at that severity.
 */
public final class NextUpdateDue {

  private NextUpdateDue() {}

  /**
   * @param since when the clock starts: the update, the declaration, the reopening
   * @param promised what the update promised ("next update in 15 minutes"), or null
   */
  public static Optional<Instant> at(
      HeartbeatSettings settings, Severity severity, Instant since, @Nullable Duration promised) {
    if (promised != null) {
      return Optional.of(since.plus(promised));
    }
    return settings.cadence(severity).map(since::plus);
  }
}
