package io.warroom.alert;

import io.micronaut.core.annotation.Nullable;
import io.warroom.incident.IncidentSettings;
import io.warroom.incident.Severity;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * SPEC section 11: an alert's severity is its {@code warroom_severity} label ({@code sev1}…{@code
 * sev4}), else its {@code severity} label through {@code WARROOM_ALERTS_SEVERITY_MAP}, else {@code
 * WARROOM_DEFAULT_SEVERITY}. A group is as severe as its worst firing alert (its worst alert when
 * none fires).
 */
@Singleton
class SeverityRule {

  private final Map<String, Severity> map;
  private final Severity fallback;

  @Inject
  SeverityRule(AlertSettings settings, IncidentSettings incidents) {
    this(settings.severityMap(), incidents.defaultSeverity());
  }

  SeverityRule(Map<String, Severity> map, Severity fallback) {
    this.map = map;
    this.fallback = fallback;
  }

  Severity of(Map<String, String> labels) {
    Optional<Severity> explicit = Severity.parse(labels.get("warroom_severity"));
    if (explicit.isPresent()) {
      return explicit.get();
    }
    String severity = labels.get("severity");
    Severity mapped = severity == null ? null : map.get(severity.trim().toLowerCase(Locale.ROOT));
    return mapped == null ? fallback : mapped;
  }

  Severity ofGroup(Collection<Alert> alerts) {
    boolean anyFiring = alerts.stream().anyMatch(Alert::firing);
    Severity worst = null;
    for (Alert alert : alerts) {
      if (anyFiring && !alert.firing()) {
        continue;
      }
      worst = worse(worst, of(alert.labels()));
    }
    return worst == null ? fallback : worst;
  }

  private static Severity worse(@Nullable Severity a, Severity b) {
    return a == null || b.level() < a.level() ? b : a;
  }
}
