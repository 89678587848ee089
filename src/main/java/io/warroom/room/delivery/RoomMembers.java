package io.warroom.room.delivery;

import io.warroom.chat.ChatPort;
import io.warroom.incident.Incident;
import io.warroom.incident.Role;
import io.warroom.room.WarRoom;
import io.warroom.room.WarRoomRepository;
import jakarta.inject.Singleton;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Who is invited into the room: the declarer (a person, not an alert) and whoever holds a role,
 * each once; the invited are recorded so that a later pass invites only the new ones.
 */
@Singleton
class RoomMembers {

  private final WarRoomRepository rooms;
  private final ChatPort chat;

  RoomMembers(WarRoomRepository rooms, ChatPort chat) {
    this.rooms = rooms;
    this.chat = chat;
  }

  /** Invites those the room should have and has not invited yet. */
  void ensure(WarRoom room, Incident incident, String channel, Lease lease) {
    Set<String> wanted = new LinkedHashSet<>();
    if (incident.declaredByPerson()) {
      wanted.add(incident.declaredBy());
    }
    for (Role role : Role.values()) {
      incident.holder(role).ifPresent(wanted::add);
    }
    wanted.remove(chat.botUserId());
    Set<String> invited = room.invitedUsers();
    wanted.removeAll(invited);
    if (wanted.isEmpty()) {
      return;
    }
    chat.invite(channel, wanted);
    invited.addAll(wanted);
    lease.wrote(rooms.setInvited(incident.id(), lease.generation(), String.join(",", invited)));
  }
}
