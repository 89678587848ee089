package io.warroom.config;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import io.warroom.api.ApiSettings;
import io.warroom.heartbeat.HeartbeatSettings;
import io.warroom.incident.IncidentSettings;
import io.warroom.incident.Severity;
import io.warroom.postmortem.PostmortemSettings;
import io.warroom.slack.SlackSettings;
import io.warroom.warroom.WarRoomSettings;
import java.net.URI;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Builds every feature's settings from the variables of SPEC section 2 (mapped to properties in
 * {@code application.yml}). The beans are created at start-up so a bad value stops it at once.
 */
@Factory
class SettingsFactory {

  private static final Pattern CHANNEL_ID = Pattern.compile("[CG][A-Z0-9]{2,}");
  private static final Pattern PREFIX = Pattern.compile("[a-z0-9][a-z0-9_-]{0,19}");

  @Context
  IncidentSettings incidentSettings(@Value("${warroom.default-severity:SEV2}") String severity) {
    Severity parsed =
        Severity.parse(severity)
            .orElseThrow(
                () ->
                    new StartupProblem(
                        "WARROOM_DEFAULT_SEVERITY='"
                            + severity
                            + "' is not SEV1, SEV2, SEV3 or SEV4"));
    return new IncidentSettings(parsed);
  }

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
              + "' must be a channel ID such as C0123456789 (in Slack: channel details, at the bottom)");
    }
    return new WarRoomSettings(p, Optional.ofNullable(a));
  }

  @Context
  HeartbeatSettings heartbeatSettings(
      @Value("${warroom.heartbeat.sev1:15m}") String sev1,
      @Value("${warroom.heartbeat.sev2:30m}") String sev2,
      @Value("${warroom.heartbeat.sev3:60m}") String sev3,
      @Value("${warroom.heartbeat.sev4:off}") String sev4,
      @Value("${warroom.scheduler-tick:15s}") String tick) {
    Map<Severity, Optional<Duration>> cadences = new EnumMap<>(Severity.class);
    cadences.put(Severity.SEV1, SettingParser.durationOrOff("WARROOM_HEARTBEAT_SEV1", sev1));
    cadences.put(Severity.SEV2, SettingParser.durationOrOff("WARROOM_HEARTBEAT_SEV2", sev2));
    cadences.put(Severity.SEV3, SettingParser.durationOrOff("WARROOM_HEARTBEAT_SEV3", sev3));
    cadences.put(Severity.SEV4, SettingParser.durationOrOff("WARROOM_HEARTBEAT_SEV4", sev4));
    return new HeartbeatSettings(cadences, SettingParser.duration("WARROOM_SCHEDULER_TICK", tick));
  }

  @Context
  PostmortemSettings postmortemSettings(@Value("${warroom.postmortem-due:48h}") String due) {
    return new PostmortemSettings(SettingParser.duration("WARROOM_POSTMORTEM_DUE", due));
  }

  @Context
  ApiSettings apiSettings(@Value("${warroom.api-token:}") String token) {
    return new ApiSettings(Optional.ofNullable(SettingParser.blankToNull(token)));
  }

  @Context
  SlackSettings slackSettings(
      @Value("${slack.bot-token:}") String botToken,
      @Value("${slack.signing-secret:}") String signingSecret,
      @Value("${slack.app-token:}") String appToken,
      @Value("${slack.api-url:`https://slack.com/api/`}") String apiUrl,
      @Value("${slack.http-timeout:10s}") String httpTimeout) {
    Optional<String> bot = Optional.ofNullable(SettingParser.blankToNull(botToken));
    Optional<String> secret = Optional.ofNullable(SettingParser.blankToNull(signingSecret));
    Optional<String> app = Optional.ofNullable(SettingParser.blankToNull(appToken));
    if (bot.isEmpty()) {
      throw new StartupProblem(
          "SLACK_BOT_TOKEN is not set. Create the Slack app from app-manifest.yml, install it, and"
              + " set SLACK_BOT_TOKEN (xoxb-...) and SLACK_SIGNING_SECRET as the README explains");
    }
    if (!bot.get().startsWith("xoxb-")) {
      throw new StartupProblem(
          "SLACK_BOT_TOKEN must be a bot token starting with xoxb- (OAuth & Permissions page)");
    }
    if (app.isPresent() && !app.get().startsWith("xapp-")) {
      throw new StartupProblem(
          "SLACK_APP_TOKEN must be an app-level token starting with xapp- (Basic Information page)");
    }
    if (app.isEmpty() && secret.isEmpty()) {
      throw new StartupProblem(
          "SLACK_SIGNING_SECRET is required in HTTP mode (Basic Information page); set it, or set"
              + " SLACK_APP_TOKEN to use Socket Mode");
    }
    return new SlackSettings(
        bot,
        secret,
        app,
        apiUrl(apiUrl),
        SettingParser.duration("slack.http-timeout", httpTimeout));
  }

  private static String apiUrl(String raw) {
    String value = SettingParser.blankToNull(raw);
    try {
      URI uri = URI.create(value == null ? "" : value);
      if (uri.getHost() == null
          || !("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()))) {
        throw new IllegalArgumentException();
      }
    } catch (IllegalArgumentException e) {
      throw new StartupProblem(
          "SLACK_API_URL='" + raw + "' must be an http(s) URL such as https://slack.com/api/");
    }
    return value.endsWith("/") ? value : value + "/";
  }
}
