package io.warroom.postmortem;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import io.warroom.config.SettingParser;

/** Reads {@code WARROOM_POSTMORTEM_DUE}. */
@Factory
class PostmortemSettingsFactory {

  @Context
  PostmortemSettings postmortemSettings(@Value("${warroom.postmortem-due:48h}") String due) {
    return new PostmortemSettings(SettingParser.duration("WARROOM_POSTMORTEM_DUE", due));
  }
}
