package io.warroom.slack.record;

import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.response.Response;
import io.warroom.decision.Decisions;
import io.warroom.slack.SlackText;
import io.warroom.slack.inbound.CommandCall;
import io.warroom.slack.inbound.CommandListener;
import io.warroom.slack.inbound.CommandSpec;
import io.warroom.slack.inbound.Replies;
import jakarta.inject.Singleton;

/** {@code /incident decision <text>}: records a decision, who made it and when. */
@Singleton
class DecisionCommandListener implements CommandListener {

  static final CommandSpec SPEC =
      CommandSpec.inIncidentChannel(
              "decision",
              "decision <text>",
              "record a decision (who decided, when) in the channel and the timeline")
          .withAliases("decide");

  private final Decisions decisions;

  DecisionCommandListener(Decisions decisions) {
    this.decisions = decisions;
  }

  @Override
  public CommandSpec spec() {
    return SPEC;
  }

  @Override
  public Response handle(CommandCall call, SlashCommandContext ctx) {
    long incidentId = call.incidentId();
    // Slack sends command text escaped, mentions as tokens: plain text, escaped again when posted.
    decisions.record(incidentId, SlackText.plain(call.args()), call.userId());
    return Replies.ephemeral(ctx, ":white_check_mark: Decision recorded in the timeline.");
  }
}
