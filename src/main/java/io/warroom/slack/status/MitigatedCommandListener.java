package io.warroom.slack.status;

import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.response.Response;
import io.warroom.incident.IncidentService;
import io.warroom.slack.SlackText;
import io.warroom.slack.inbound.CommandCall;
import io.warroom.slack.inbound.CommandListener;
import io.warroom.slack.inbound.CommandSpec;
import io.warroom.slack.inbound.Replies;
import jakarta.inject.Singleton;

/** {@code /incident mitigated [text]}: records that impact has stopped (time to mitigate). */
@Singleton
class MitigatedCommandListener implements CommandListener {

  static final CommandSpec SPEC =
      CommandSpec.inIncidentChannel(
              "mitigated",
              "mitigated [text]",
              "record that impact has stopped; updates continue until resolved")
          .withExample("mitigated");

  private final IncidentService incidents;

  MitigatedCommandListener(IncidentService incidents) {
    this.incidents = incidents;
  }

  @Override
  public CommandSpec spec() {
    return SPEC;
  }

  @Override
  public Response handle(CommandCall call, SlashCommandContext ctx) {
    long incidentId = call.incidentId();
    incidents.mitigate(incidentId, SlackText.plain(call.args()), call.userId());
    return Replies.ephemeral(ctx, ":white_check_mark: Marked mitigated.");
  }
}
