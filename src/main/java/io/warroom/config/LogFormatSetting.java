package io.warroom.config;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Value;
import java.util.Locale;

/**
 * {@code WARROOM_LOG_FORMAT} is read by {@link LoggingConfigurator} before anything else starts;
 * this refuses a value that is neither {@code text} nor {@code json}, as any bad setting is.
 */
@Context
class LogFormatSetting {

  LogFormatSetting(@Value("${warroom.log-format:text}") String format) {
    String value = format.strip().toLowerCase(Locale.ROOT);
    if (!value.equals("text") && !value.equals("json")) {
      throw new StartupProblem("WARROOM_LOG_FORMAT='" + format + "' must be text or json");
    }
  }
}
