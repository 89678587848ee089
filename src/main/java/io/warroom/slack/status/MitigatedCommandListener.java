package io.warroom.slack.status;

import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.response.Response;
import io.warroom.incident.IncidentService;
import io.warroom.slack.InRoom;
import io.warroom.slack.SlackText;
import io.warroom.slack.inbound.CommandCall;
import io.warroom.slack.inbound.CommandListener;
import io.warroom.slack.inbound.Replies;
import jakarta.inject.Singleton;

/** {@code /incident mitigated [text]}: records that impact has stopped (time to mitigate). */
@Singleton
class MitigatedCommandListener implements CommandListener {

  private final IncidentService incidents;
  private final InRoom room;

  MitigatedCommandListener(IncidentService incidents, InRoom room) {
    this.incidents = incidents;
    this.room = room;
  }

  @Override
  public String name() {
    return "mitigated";
  }

  @Override
  public String usage() {
    return "mitigated [text]";
  }

  @Override
  public String summary() {
    return "record that impact has stopped; updates continue until resolved";
  }

  @Override
  public boolean inIncidentChannel() {
    return true;
  }

  @Override
  public Response handle(CommandCall call, SlashCommandContext ctx) {
    long incidentId = room.incident(call, "mitigated");
    incidents.mitigate(incidentId, SlackText.plain(call.args()), call.userId());
    return Replies.ephemeral(ctx, ":white_check_mark: Marked mitigated.");
  }
}
