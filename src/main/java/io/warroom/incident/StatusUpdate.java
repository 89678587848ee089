package io.warroom.incident;

import io.micronaut.core.annotation.Nullable;
import java.time.Duration;

/**
 * A status update for stakeholders, in the fixed template: where we stand, who is affected and how,
 * what was done, what comes next, and when they will hear from us again.
 *
 * @param status the reported status; {@code null} keeps the current one (a quick update)
 * @param nextUpdateIn {@code null} means the severity's cadence
 */
public record StatusUpdate(
    @Nullable Status status,
    @Nullable String impact,
    @Nullable String actionsTaken,
    @Nullable String nextSteps,
    @Nullable Duration nextUpdateIn) {

  /** {@code /incident update <text>}: the text is what stakeholders read. */
  public static StatusUpdate quick(String text) {
    return new StatusUpdate(null, text, null, null, null);
  }
}
