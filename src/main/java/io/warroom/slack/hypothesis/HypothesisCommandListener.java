package io.warroom.slack.hypothesis;

import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.response.Response;
import io.warroom.hypothesis.Hypotheses;
import io.warroom.hypothesis.Hypothesis;
import io.warroom.slack.InRoom;
import io.warroom.slack.SlackText;
import io.warroom.slack.inbound.CommandCall;
import io.warroom.slack.inbound.CommandListener;
import io.warroom.slack.inbound.Replies;
import jakarta.inject.Singleton;

/** {@code /incident hypothesis <text>}: adds H1, H2, ... to the war room's hypothesis board. */
@Singleton
class HypothesisCommandListener implements CommandListener {

  private final Hypotheses hypotheses;
  private final InRoom room;

  HypothesisCommandListener(Hypotheses hypotheses, InRoom room) {
    this.hypotheses = hypotheses;
    this.room = room;
  }

  @Override
  public String name() {
    return "hypothesis";
  }

  @Override
  public String usage() {
    return "hypothesis <text>";
  }

  @Override
  public String summary() {
    return "add a hypothesis (H1, H2, ...) to the hypothesis board";
  }

  @Override
  public boolean inIncidentChannel() {
    return true;
  }

  @Override
  public Response handle(CommandCall call, SlashCommandContext ctx) {
    long incidentId = room.incident(call, usage());
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
