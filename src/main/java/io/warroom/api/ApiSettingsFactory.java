package io.warroom.api;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import io.warroom.config.SettingParser;
import java.util.Optional;

/** Reads {@code WARROOM_API_TOKEN}. */
@Factory
class ApiSettingsFactory {

  @Context
  ApiSettings apiSettings(@Value("${warroom.api-token:}") String token) {
    return new ApiSettings(Optional.ofNullable(SettingParser.blankToNull(token)));
  }
}
