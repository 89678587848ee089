package io.warroom.room;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import io.warroom.config.SettingParser;
import io.warroom.config.StartupProblem;
import java.util.Optional;
import java.util.regex.Pattern;

/** Reads {@code WARROOM_CHANNEL_PREFIX} and {@code WARROOM_ANNOUNCE_CHANNEL}. */
@Factory
class WarRoomSettingsFactory {

  private static final Pattern CHANNEL_ID = Pattern.compile("[CG][A-Z0-9]{2,}");
  private static final Pattern PREFIX = Pattern.compile("[a-z0-9][a-z0-9_-]{0,19}");

  @Context
  WarRoomSettings warRoomSettings(
      @Value("${warroom.channel-prefix:inc}") String prefix,
      @Value("${warroom.announce-channel:}") String announce) {
    String p = SettingParser.blankToNull(prefix);
    if (p == null || !PREFIX.matcher(p).matches()) {
      throw new StartupProblem(
          "WARROOM_CHANNEL_PREFIX='"
              + prefix
              + "' must be 1-20 lowercase letters, digits, - or _ (Slack's channel-name rules)");
    }
    String a = SettingParser.blankToNull(announce);
    if (a != null && !CHANNEL_ID.matcher(a).matches()) {
      throw new StartupProblem(
          "WARROOM_ANNOUNCE_CHANNEL='"
              + announce
              + "' must be a channel ID such as C0123456789 (in Slack: channel details, at the"
              + " bottom)");
    }
    return new WarRoomSettings(p, Optional.ofNullable(a));
  }
}
