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

/** {@code /incident ruleout <Hn> [note]}: the hypothesis is ruled out, with an optional note. */
@Singleton
class RuleoutCommandListener implements CommandListener {

  static final CommandSpec SPEC =
      CommandSpec.inIncidentChannel(
          "ruleout", "ruleout <Hn> [note]", "mark a hypothesis ruled out, with an optional note");

  private final Hypotheses hypotheses;

  RuleoutCommandListener(Hypotheses hypotheses) {
    this.hypotheses = hypotheses;
  }

  @Override
  public CommandSpec spec() {
    return SPEC;
  }

  @Override
  public Response handle(CommandCall call, SlashCommandContext ctx) {
    long incidentId = call.incidentId();
    String[] split = SlackText.firstWord(call.args());
    Hypothesis h =
        hypotheses.ruleOut(
            incidentId, split[0], SlackText.plain(split[1] == null ? "" : split[1]), call.userId());
    return Replies.ephemeral(ctx, ":x: *" + h.name() + "* is ruled out on the board.");
  }
}
