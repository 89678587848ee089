package io.warroom.triage;

import io.warroom.incident.Severity;
import java.util.Optional;

/**
 * {@code WARROOM_ALERTS_CHANNEL} (else the announce channel; neither: no cards) and {@code
 * WARROOM_ALERTS_AUTO_DECLARE} (empty: off).
 */
public record TriageSettings(Optional<String> channel, Optional<Severity> autoDeclare) {

  /** Whether a group of this severity declares its incident by itself. */
  public boolean autoDeclares(Severity severity) {
    return autoDeclare.map(floor -> severity.ordinal() <= floor.ordinal()).orElse(false);
  }
}
