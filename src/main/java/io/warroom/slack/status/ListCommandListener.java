package io.warroom.slack.status;

import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.response.Response;
import io.warroom.heartbeat.Heartbeats;
import io.warroom.incident.Incident;
import io.warroom.incident.IncidentService;
import io.warroom.room.WarRooms;
import io.warroom.slack.IncidentLines;
import io.warroom.slack.inbound.CommandCall;
import io.warroom.slack.inbound.CommandListener;
import io.warroom.slack.inbound.CommandSpec;
import io.warroom.slack.inbound.Replies;
import jakarta.inject.Singleton;
import java.util.List;

/** {@code /incident list}: the open incidents, privately. Private incidents stay private. */
@Singleton
class ListCommandListener implements CommandListener {

  static final CommandSpec SPEC =
      CommandSpec.anywhere(
          "list",
          "list",
          "the open incidents: severity, status, IC, age, next update due and channel");

  /** Keeps the reply well inside Slack's message limits. */
  static final int MAX_LISTED = 30;

  private final IncidentService incidents;
  private final WarRooms rooms;
  private final Heartbeats heartbeats;

  ListCommandListener(IncidentService incidents, WarRooms rooms, Heartbeats heartbeats) {
    this.incidents = incidents;
    this.rooms = rooms;
    this.heartbeats = heartbeats;
  }

  @Override
  public CommandSpec spec() {
    return SPEC;
  }

  @Override
  public Response handle(CommandCall call, SlashCommandContext ctx) {
    List<Incident> open = incidents.open();
    if (open.isEmpty()) {
      return Replies.ephemeral(ctx, ":white_check_mark: No open incidents.");
    }
    StringBuilder text = new StringBuilder("*Open incidents (" + open.size() + ")*\n");
    for (Incident incident : open.subList(0, Math.min(MAX_LISTED, open.size()))) {
      text.append(
              IncidentLines.line(
                  incident,
                  rooms.channelOf(incident.id()),
                  heartbeats.nextDue(incident.id()),
                  call.userId()))
          .append('\n');
    }
    if (open.size() > MAX_LISTED) {
      text.append("_…and ")
          .append(open.size() - MAX_LISTED)
          .append(
              " more, oldest last. The REST API lists them all: `GET /api/incidents?status=open`._");
    }
    return Replies.ephemeral(ctx, text.toString());
  }
}
