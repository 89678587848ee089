package io.warroom.handover;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import io.warroom.config.SettingParser;

/** Reads {@code WARROOM_IC_REMINDER}; a malformed value stops start-up with one line naming it. */
@Factory
class CommanderSettingsFactory {

  @Context
  CommanderSettings commanderSettings(@Value("${warroom.ic-reminder:5m}") String reminder) {
    return new CommanderSettings(SettingParser.durationOrOff("WARROOM_IC_REMINDER", reminder));
  }
}
