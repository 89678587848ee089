package io.warroom.slack;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import io.warroom.config.SettingParser;
import io.warroom.config.StartupProblem;
import java.net.URI;
import java.util.Optional;

/**
 * Reads {@code SLACK_BOT_TOKEN}, {@code SLACK_SIGNING_SECRET}, {@code SLACK_APP_TOKEN} and {@code
 * SLACK_API_URL}.
 */
@Factory
class SlackSettingsFactory {

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
          "SLACK_BOT_TOKEN is set but empty. Set it to the bot token (xoxb-...) of the Slack app"
              + " created from app-manifest.yml, with SLACK_SIGNING_SECRET, as the README"
              + " explains; or unset it to try the local sandbox");
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
