package io.warroom.slack.record;

import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.response.Response;
import io.warroom.incident.IncidentService;
import io.warroom.slack.InRoom;
import io.warroom.slack.inbound.CommandCall;
import io.warroom.slack.inbound.CommandListener;
import io.warroom.slack.inbound.Replies;
import jakarta.inject.Singleton;

/** {@code /incident postmortem}: generates the draft afresh and posts it again. */
@Singleton
class PostmortemCommandListener implements CommandListener {

  private final IncidentService incidents;
  private final InRoom room;

  PostmortemCommandListener(IncidentService incidents, InRoom room) {
    this.incidents = incidents;
    this.room = room;
  }

  @Override
  public String name() {
    return "postmortem";
  }

  @Override
  public String usage() {
    return "postmortem";
  }

  @Override
  public String summary() {
    return "generate the postmortem draft again and post it";
  }

  @Override
  public boolean inIncidentChannel() {
    return true;
  }

  @Override
  public Response handle(CommandCall call, SlashCommandContext ctx) {
    long incidentId = room.incident(call, "postmortem");
    incidents.requestPostmortem(incidentId, call.userId());
    return Replies.ephemeral(
        ctx,
        ":page_facing_up: Generating the postmortem draft; it will be posted here in a moment.");
  }
}
