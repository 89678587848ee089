package io.warroom.room;

import io.micronaut.transaction.annotation.ReadOnly;
import jakarta.inject.Singleton;
import java.util.Optional;

/** Answers "which incident is this channel's?" and "where is this incident's channel?". */
@Singleton
public class WarRooms {

  private final WarRoomRepository rooms;

  WarRooms(WarRoomRepository rooms) {
    this.rooms = rooms;
  }

  /** The incident whose war room this channel is. */
  @ReadOnly
  public Optional<Long> incidentIn(String channelId) {
    return rooms.findByChannelId(channelId).map(WarRoom::incidentId);
  }

  /** The war room this channel is, with its exploration thread. */
  @ReadOnly
  public Optional<RoomRef> room(String channelId) {
    return rooms
        .findByChannelId(channelId)
        .map(r -> new RoomRef(r.incidentId(), r.channelId(), r.threadTs()));
  }

  /** The incident's channel, once it exists. */
  @ReadOnly
  public Optional<String> channelOf(long incidentId) {
    return rooms.findById(incidentId).map(WarRoom::channelId);
  }

  /** The channel's name, once it exists. */
  @ReadOnly
  public Optional<String> channelNameOf(long incidentId) {
    return rooms.findById(incidentId).map(WarRoom::channelName);
  }
}
