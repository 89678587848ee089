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

/** {@code /incident confirm <Hn> [note]}: the hypothesis is confirmed, with an optional note. */
@Singleton
class ConfirmCommandListener implements CommandListener {

  static final CommandSpec SPEC =
      CommandSpec.inIncidentChannel(
          "confirm", "confirm <Hn> [note]", "mark a hypothesis confirmed, with an optional note");

  private final Hypotheses hypotheses;

  ConfirmCommandListener(Hypotheses hypotheses) {
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
        hypotheses.confirm(
            incidentId, split[0], SlackText.plain(split[1] == null ? "" : split[1]), call.userId());
    return Replies.ephemeral(
        ctx, ":white_check_mark: *" + h.name() + "* is confirmed on the board.");
  }
}
