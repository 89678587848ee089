package io.warroom.room.delivery;

import io.warroom.chat.ChatFailure;
import io.warroom.chat.ChatPort;
import io.warroom.incident.Incident;
import io.warroom.room.ChannelNames;
import io.warroom.room.WarRoom;
import io.warroom.room.WarRoomRepository;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.Optional;

/**
 * The room's channel, made once: the next free name ({@code inc-…}, then {@code -2}, {@code -3},
 * …), and, when an earlier try's answer was lost, the channel that try made, found by its name, its
 * creator and when it was made.
 */
@Singleton
class RoomChannel {

  /** How many {@code -2}, {@code -3}, ... names to try before giving up. */
  private static final int MAX_NAME_ATTEMPTS = 50;

  private final WarRoomRepository rooms;
  private final ChatPort chat;

  RoomChannel(WarRoomRepository rooms, ChatPort chat) {
    this.rooms = rooms;
    this.chat = chat;
  }

  /**
   * The room's channel id, creating the channel (or adopting the one an interrupted try made) when
   * the room has none yet. Each name tried is recorded before the call, so a pass that stops
   * anywhere resumes with the same name and looks for it first.
   */
  String ensure(WarRoom room, Incident incident, Lease lease) {
    if (room.channelId() != null) {
      return room.channelId();
    }
    int attempt = room.nameAttempt();
    Instant startedAt = room.createStartedAt();
    while (attempt <= MAX_NAME_ATTEMPTS) {
      String name = ChannelNames.attempt(room.channelBase(), attempt);
      if (startedAt != null) {
        // An earlier try with this name may have created the channel before its answer was lost.
        Optional<ChatPort.Channel> ours = ownChannel(name, startedAt);
        if (ours.isPresent()) {
          lease.wrote(rooms.setChannel(incident.id(), lease.generation(), ours.get().id(), name));
          return ours.get().id();
        }
      }
      lease.wrote(rooms.setNameAttempt(incident.id(), lease.generation(), attempt, true));
      lease.confirm();
      try {
        ChatPort.Channel created = chat.createChannel(name, incident.privateIncident());
        lease.wrote(
            rooms.setChannel(incident.id(), lease.generation(), created.id(), created.name()));
        return created.id();
      } catch (ChatFailure failure) {
        if (failure.kind() == ChatFailure.Kind.RATE_LIMITED) {
          // Refused before it was made, and no earlier try made it (looked for above): the next
          // pass need not look for a channel first.
          lease.wrote(rooms.setNameAttempt(incident.id(), lease.generation(), attempt, false));
          throw failure;
        }
        if (failure.kind() != ChatFailure.Kind.NAME_TAKEN) {
          throw failure;
        }
        attempt++;
        startedAt = null;
        lease.wrote(rooms.setNameAttempt(incident.id(), lease.generation(), attempt, false));
      }
    }
    throw new ChatFailure(
        ChatFailure.Kind.REJECTED,
        "no free channel name after " + MAX_NAME_ATTEMPTS + " tries of " + room.channelBase());
  }

  /** The channel of this name that Warroom made since the try began, and no other room has. */
  private Optional<ChatPort.Channel> ownChannel(String name, Instant startedAt) {
    return chat.findChannel(name)
        .filter(c -> chat.botUserId().equals(c.creator()))
        .filter(
            c ->
                c.created() == null
                    || !c.created().isBefore(DeliveryLimits.lookBackFrom(startedAt)))
        .filter(c -> rooms.findByChannelId(c.id()).isEmpty());
  }
}
