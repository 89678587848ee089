package io.warroom.alert;

import io.warroom.incident.Severity;
import java.util.Map;
import java.util.Optional;

/**
 * {@code WARROOM_INTEGRATION_TOKEN} (unset: every alert endpoint answers 401) and {@code
 * WARROOM_ALERTS_SEVERITY_MAP} ({@code severity} label value, lower case, to a severity).
 */
public record AlertSettings(Optional<String> token, Map<String, Severity> severityMap) {

  /** Says whether the token is set, never what it is. */
  @Override
  public String toString() {
    return "AlertSettings[token="
        + (token.isPresent() ? "(set)" : "(unset)")
        + ", severityMap="
        + severityMap
        + "]";
  }
}
