package io.warroom.alert;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import io.warroom.config.SettingParser;
import io.warroom.config.StartupProblem;
import io.warroom.incident.Severity;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Reads {@code WARROOM_INTEGRATION_TOKEN} and {@code WARROOM_ALERTS_SEVERITY_MAP}. */
@Factory
class AlertSettingsFactory {

  static final String DEFAULT_MAP = "critical=sev2,error=sev3,warning=sev3,info=sev4";

  @Context
  AlertSettings alertSettings(
      @Value("${warroom.integration-token:}") String token,
      @Value("${warroom.alerts.severity-map:" + DEFAULT_MAP + "}") String map) {
    return new AlertSettings(
        Optional.ofNullable(SettingParser.blankToNull(token)), severityMap(map));
  }

  /** {@code critical=sev2,warning=sev3}: each pair checked, the first bad one named. */
  static Map<String, Severity> severityMap(String raw) {
    String env = "WARROOM_ALERTS_SEVERITY_MAP";
    Map<String, Severity> map = new LinkedHashMap<>();
    String value = SettingParser.blankToNull(raw);
    if (value == null) {
      return Map.of();
    }
    for (String pair : value.split(",")) {
      String p = pair.trim();
      int eq = p.indexOf('=');
      String label = eq < 0 ? "" : p.substring(0, eq).trim().toLowerCase(Locale.ROOT);
      Optional<Severity> severity =
          eq < 0 ? Optional.empty() : Severity.parse(p.substring(eq + 1).trim());
      if (label.isEmpty() || severity.isEmpty()) {
        throw new StartupProblem(
            env
                + ": '"
                + p
                + "' is not label=severity; write pairs such as critical=sev2,warning=sev3");
      }
      if (map.put(label, severity.get()) != null) {
        throw new StartupProblem(env + ": '" + label + "' is mapped twice");
      }
    }
    return Map.copyOf(map);
  }
}
