package io.warroom.slack.hypothesis;

import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.response.Response;
import io.warroom.chat.Mrkdwn;
import io.warroom.hypothesis.Hypotheses;
import io.warroom.hypothesis.Hypothesis;
import io.warroom.hypothesis.HypothesisState;
import io.warroom.slack.inbound.CommandCall;
import io.warroom.slack.inbound.CommandListener;
import io.warroom.slack.inbound.CommandSpec;
import io.warroom.slack.inbound.Replies;
import jakarta.inject.Singleton;
import java.util.List;

/** {@code /incident hypotheses}: every hypothesis of the incident and its state, privately. */
@Singleton
class HypothesesCommandListener implements CommandListener {

  static final CommandSpec SPEC =
      CommandSpec.inIncidentChannel("hypotheses", "hypotheses", "the hypotheses and their states");

  /** Slack cuts a message's text at 40,000 characters; 100 lines of at most ~330 stay below. */
  static final int MAX_LISTED = 100;

  private final Hypotheses hypotheses;

  HypothesesCommandListener(Hypotheses hypotheses) {
    this.hypotheses = hypotheses;
  }

  @Override
  public CommandSpec spec() {
    return SPEC;
  }

  @Override
  public Response handle(CommandCall call, SlashCommandContext ctx) {
    long incidentId = call.incidentId();
    List<Hypothesis> all = hypotheses.all(incidentId);
    if (all.isEmpty()) {
      return Replies.ephemeral(
          ctx, "No hypotheses yet. Add one with `/incident hypothesis <text>`.");
    }
    StringBuilder text = new StringBuilder("*Hypotheses (" + all.size() + ")*\n");
    for (Hypothesis h : all.subList(0, Math.min(MAX_LISTED, all.size()))) {
      text.append("• *").append(h.name()).append("* ").append(h.state().label());
      if (h.state() == HypothesisState.INVESTIGATING) {
        text.append(" (")
            .append(String.join(", ", h.ownerList().stream().map(Mrkdwn::user).toList()))
            .append(')');
      } else if (h.state().isSettled()) {
        text.append(" by ").append(Mrkdwn.user(h.closedBy()));
      }
      text.append(": ").append(Mrkdwn.escape(h.text()));
      if (h.note() != null) {
        text.append(" — _").append(Mrkdwn.escape(Mrkdwn.truncate(h.note(), 150))).append('_');
      }
      text.append('\n');
    }
    if (all.size() > MAX_LISTED) {
      text.append("_…and ").append(all.size() - MAX_LISTED).append(" more._");
    }
    return Replies.ephemeral(ctx, text.toString());
  }
}
