package io.warroom.slack;

import java.time.Duration;
import java.util.Optional;

/**
 * How Warroom reaches Slack. With an app-level token it uses Socket Mode; otherwise Slack posts to
 * {@code /slack/events} and the signing secret verifies every request.
 *
 * @param apiUrl base URL of the Web API, ending in a slash
 * @param httpTimeout connect and read timeout of one Web API call
 */
public record SlackSettings(
    Optional<String> botToken,
    Optional<String> signingSecret,
    Optional<String> appToken,
    String apiUrl,
    Duration httpTimeout) {

  public boolean socketMode() {
    return appToken.isPresent();
  }

  /** Says which secrets are set, never what they are. */
  @Override
  public String toString() {
    return "SlackSettings[botToken="
        + shown(botToken)
        + ", signingSecret="
        + shown(signingSecret)
        + ", appToken="
        + shown(appToken)
        + ", apiUrl="
        + apiUrl
        + ", httpTimeout="
        + httpTimeout
        + "]";
  }

  private static String shown(Optional<String> secret) {
    return secret.isPresent() ? "(set)" : "(unset)";
  }
}
