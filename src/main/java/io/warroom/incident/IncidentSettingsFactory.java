package io.warroom.incident;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import io.warroom.config.StartupProblem;

/** Reads {@code WARROOM_DEFAULT_SEVERITY}. */
@Factory
class IncidentSettingsFactory {

  @Context
  IncidentSettings incidentSettings(@Value("${warroom.default-severity:SEV2}") String severity) {
    return new IncidentSettings(
        Severity.parse(severity)
            .orElseThrow(
                () ->
                    new StartupProblem(
                        "WARROOM_DEFAULT_SEVERITY='"
                            + severity
                            + "' is not SEV1, SEV2, SEV3 or SEV4")));
  }
}
