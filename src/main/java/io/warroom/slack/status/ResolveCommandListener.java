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

/** {@code /incident resolve [text]}: resolves; reminders stop. */
@Singleton
class ResolveCommandListener implements CommandListener {

  private final IncidentService incidents;
  private final InRoom room;

  ResolveCommandListener(IncidentService incidents, InRoom room) {
    this.incidents = incidents;
    this.room = room;
  }

  @Override
  public String name() {
    return "resolve";
  }

  @Override
  public String usage() {
    return "resolve [text]";
  }

  @Override
  public String summary() {
    return "resolve the incident; reminders stop";
  }

  @Override
  public boolean inIncidentChannel() {
    return true;
  }

  @Override
  public Response handle(CommandCall call, SlashCommandContext ctx) {
    long incidentId = room.incident(call, "resolve");
    incidents.resolve(incidentId, SlackText.plain(call.args()), call.userId());
    return Replies.ephemeral(ctx, ":white_check_mark: Resolved.");
  }
}
