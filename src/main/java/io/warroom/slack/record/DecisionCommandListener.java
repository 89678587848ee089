package io.warroom.slack.record;

import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.response.Response;
import io.warroom.decision.Decisions;
import io.warroom.slack.InRoom;
import io.warroom.slack.SlackText;
import io.warroom.slack.inbound.CommandCall;
import io.warroom.slack.inbound.CommandListener;
import io.warroom.slack.inbound.Replies;
import jakarta.inject.Singleton;
import java.util.List;

/** {@code /incident decision <text>}: records a decision, who made it and when. */
@Singleton
class DecisionCommandListener implements CommandListener {

  private final Decisions decisions;
  private final InRoom room;

  DecisionCommandListener(Decisions decisions, InRoom room) {
    this.decisions = decisions;
    this.room = room;
  }

  @Override
  public String name() {
    return "decision";
  }

  @Override
  public List<String> aliases() {
    return List.of("decide");
  }

  @Override
  public String usage() {
    return "decision <text>";
  }

  @Override
  public String summary() {
    return "record a decision (who decided, when) in the channel and the timeline";
  }

  @Override
  public boolean inIncidentChannel() {
    return true;
  }

  @Override
  public Response handle(CommandCall call, SlashCommandContext ctx) {
    long incidentId = room.incident(call, "decision <text>");
    // Slack sends command text escaped, mentions as tokens: plain text, escaped again when posted.
    decisions.record(incidentId, SlackText.plain(call.args()), call.userId());
    return Replies.ephemeral(ctx, ":white_check_mark: Decision recorded in the timeline.");
  }
}
