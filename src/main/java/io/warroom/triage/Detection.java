package io.warroom.triage;

import io.micronaut.core.annotation.Nullable;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * How an incident was detected: its attached alerts (the earliest of which fired at {@code
 * detectedAt}; the declaration time when none is attached or none fired earlier), and the alerts
 * judged noise while it was open.
 */
public record Detection(
    Instant detectedAt, Instant declaredAt, List<Alert> attached, List<Alert> noise) {

  /** An alert group as the detection story tells it. */
  public record Alert(
      long id,
      String source,
      String severity,
      String summary,
      @Nullable Instant firedAt,
      @Nullable String runbookUrl,
      @Nullable String judgedBy,
      @Nullable Instant judgedAt) {}

  /** From the first alert firing to the declaration; zero without alerts. */
  public Duration timeToDeclare() {
    return Duration.between(detectedAt, declaredAt);
  }
}
