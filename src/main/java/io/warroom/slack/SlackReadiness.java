package io.warroom.slack;

import io.warroom.health.ReadinessCheck;
import jakarta.inject.Singleton;
import java.util.Optional;

/**
 * Ready for Slack's traffic once Slack has accepted the bot token ({@code auth.test}) and, in
 * Socket Mode, while the WebSocket is connected (SPEC section 15).
 */
@Singleton
class SlackReadiness implements ReadinessCheck {

  private final SlackIdentity identity;
  private final SocketModeRunner socketMode;

  SlackReadiness(SlackIdentity identity, SocketModeRunner socketMode) {
    this.identity = identity;
    this.socketMode = socketMode;
  }

  @Override
  public Optional<String> problem() {
    if (identity.refused()) {
      return Optional.of("Slack refused SLACK_BOT_TOKEN");
    }
    if (identity.known().isEmpty()) {
      return Optional.of("Slack has not yet accepted the bot token (auth.test)");
    }
    if (!socketMode.connected()) {
      return Optional.of("Socket Mode is not connected");
    }
    return Optional.empty();
  }
}
