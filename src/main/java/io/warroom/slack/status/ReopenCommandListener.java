package io.warroom.slack.status;

import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.response.Response;
import io.warroom.incident.IncidentService;
import io.warroom.slack.InRoom;
import io.warroom.slack.inbound.CommandCall;
import io.warroom.slack.inbound.CommandListener;
import io.warroom.slack.inbound.Replies;
import jakarta.inject.Singleton;

/** {@code /incident reopen}: the problem is back; the incident is declared again. */
@Singleton
class ReopenCommandListener implements CommandListener {

  private final IncidentService incidents;
  private final InRoom room;

  ReopenCommandListener(IncidentService incidents, InRoom room) {
    this.incidents = incidents;
    this.room = room;
  }

  @Override
  public String name() {
    return "reopen";
  }

  @Override
  public String usage() {
    return "reopen";
  }

  @Override
  public String summary() {
    return "reopen a resolved incident";
  }

  @Override
  public boolean inIncidentChannel() {
    return true;
  }

  @Override
  public Response handle(CommandCall call, SlashCommandContext ctx) {
    long incidentId = room.incident(call, "reopen");
    incidents.reopen(incidentId, call.userId());
    return Replies.ephemeral(ctx, ":white_check_mark: Reopened; reminders resume.");
  }
}
