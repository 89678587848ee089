package io.warroom.triage;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import io.warroom.config.SettingParser;
import io.warroom.config.StartupProblem;
import io.warroom.incident.Severity;
import java.util.Locale;
import java.util.Optional;

/** Reads {@code WARROOM_ALERTS_CHANNEL} and {@code WARROOM_ALERTS_AUTO_DECLARE}. */
@Factory
class TriageSettingsFactory {

  @Context
  TriageSettings triageSettings(
      @Value("${warroom.alerts.channel:}") String channel,
      @Value("${warroom.announce-channel:}") String announce,
      @Value("${warroom.alerts.auto-declare:off}") String autoDeclare) {
    String where = SettingParser.blankToNull(channel);
    if (where == null) {
      where = SettingParser.blankToNull(announce);
    }
    return new TriageSettings(Optional.ofNullable(where), autoDeclare(autoDeclare));
  }

  static Optional<Severity> autoDeclare(String raw) {
    String value = SettingParser.blankToNull(raw);
    if (value == null || value.trim().toLowerCase(Locale.ROOT).equals("off")) {
      return Optional.empty();
    }
    return Optional.of(
        Severity.parse(value)
            .orElseThrow(
                () ->
                    new StartupProblem(
                        "WARROOM_ALERTS_AUTO_DECLARE: '"
                            + value.trim()
                            + "' is not a severity; write sev1, sev2, sev3, sev4 or off")));
  }
}
