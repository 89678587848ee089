package io.warroom.slack.hypothesis;

import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.response.Response;
import io.warroom.hypothesis.Hypotheses;
import io.warroom.hypothesis.Hypothesis;
import io.warroom.slack.SlackText;
import io.warroom.slack.inbound.CommandCall;
import io.warroom.slack.inbound.CommandListener;
import io.warroom.slack.inbound.CommandSpec;
import io.warroom.slack.inbound.Replies;
import jakarta.inject.Singleton;

/** {@code /incident hypothesis <text>}: adds H1, H2, ... to the war room's hypothesis board. */
@Singleton
class HypothesisCommandListener implements CommandListener {

  static final CommandSpec SPEC =
      CommandSpec.inIncidentChannel(
          "hypothesis",
          "hypothesis <text>",
          "add a hypothesis (H1, H2, ...) to the hypothesis board");

  private final Hypotheses hypotheses;

  HypothesisCommandListener(Hypotheses hypotheses) {
    this.hypotheses = hypotheses;
  }

  @Override
  public CommandSpec spec() {
    return SPEC;
  }

  @Override
  public Response handle(CommandCall call, SlashCommandContext ctx) {
    long incidentId = call.incidentId();
    Hypothesis h = hypotheses.raise(incidentId, SlackText.plain(call.args()), null, call.userId());
    return Replies.ephemeral(
        ctx,
        ":bulb: Added *"
            + h.name()
            + "* to the hypothesis board. Press *I'll check "
            + h.name()
            + "* there if you are looking into it.");
  }
}
