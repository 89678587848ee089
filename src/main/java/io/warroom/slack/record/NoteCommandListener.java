package io.warroom.slack.record;

import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.response.Response;
import io.warroom.incident.IncidentService;
import io.warroom.slack.InRoom;
import io.warroom.slack.SlackText;
import io.warroom.slack.inbound.CommandCall;
import io.warroom.slack.inbound.CommandListener;
import io.warroom.slack.inbound.Replies;
import jakarta.inject.Singleton;

/** {@code /incident note <text>}: a key event for the timeline, echoed in the war room. */
@Singleton
class NoteCommandListener implements CommandListener {

  private final IncidentService incidents;
  private final InRoom room;

  NoteCommandListener(IncidentService incidents, InRoom room) {
    this.incidents = incidents;
    this.room = room;
  }

  @Override
  public String name() {
    return "note";
  }

  @Override
  public String usage() {
    return "note <text>";
  }

  @Override
  public String summary() {
    return "record a key event in the timeline";
  }

  @Override
  public boolean inIncidentChannel() {
    return true;
  }

  @Override
  public Response handle(CommandCall call, SlashCommandContext ctx) {
    long incidentId = room.incident(call, "note <text>");
    incidents.addNote(incidentId, SlackText.plain(call.args()), call.userId());
    return Replies.ephemeral(ctx, ":white_check_mark: Noted in the timeline.");
  }
}
