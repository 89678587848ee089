package io.warroom.slack.inbound;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Context;
import io.warroom.chat.ChatAuthState;
import io.warroom.health.ReadinessCheck;
import io.warroom.slack.webapi.SlackIdentity;
import java.util.Optional;

/**
 * Ready for Slack's traffic once Slack has accepted the bot token ({@code auth.test}) and, in
 * Socket Mode, while the WebSocket is connected (SPEC section 15). A token that Slack refuses later
 * (revoked, a scope removed) does not make the replica unready: Slack's requests must still be
 * acknowledged and queued while an admin fixes the app, or what people type meanwhile would be
 * lost. {@code /health} reports that refusal instead, and the gauge drops to 0.
 */
@Context // its gauge is there from the start, probed or not
class SlackReadiness implements ReadinessCheck {

  private final SlackIdentity identity;
  private final SocketModeRunner socketMode;
  private final ChatAuthState auth;

  SlackReadiness(
      SlackIdentity identity,
      SocketModeRunner socketMode,
      ChatAuthState auth,
      MeterRegistry meters) {
    this.identity = identity;
    this.socketMode = socketMode;
    this.auth = auth;
    Gauge.builder(
            "warroom.slack.ready", this, r -> r.problem().isEmpty() && r.auth.accepted() ? 1 : 0)
        .description(
            "1 while Slack accepts the bot token (and Socket Mode is connected), else 0; 0 also"
                + " while a refused token pauses delivery")
        .register(meters);
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
