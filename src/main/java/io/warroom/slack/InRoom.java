package io.warroom.slack;

import io.warroom.incident.Refusal;
import io.warroom.room.WarRooms;
import io.warroom.slack.inbound.CommandCall;
import jakarta.inject.Singleton;

/** Finds the incident of the channel a command was typed in, or refuses. */
@Singleton
public class InRoom {

  private final WarRooms rooms;

  InRoom(WarRooms rooms) {
    this.rooms = rooms;
  }

  public long incident(CommandCall call, String usage) {
    return rooms
        .incidentIn(call.channelId())
        .orElseThrow(
            () ->
                new Refusal(
                    "Run `/incident "
                        + usage
                        + "` in an incident's channel. `/incident list` shows the open incidents"
                        + " and their channels."));
  }
}
