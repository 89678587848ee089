package io.warroom.room.delivery;

import io.warroom.chat.ChatMessage;
import io.warroom.chat.ChatPort;
import io.warroom.heartbeat.Heartbeats;
import io.warroom.incident.Incident;
import io.warroom.room.CardAlerts;
import io.warroom.room.CardLines;
import io.warroom.room.CardView;
import io.warroom.room.WarRoom;
import io.warroom.room.WarRoomRepository;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;

/**
 * The incident card: drawn from the incident's state (with the lines other features add), and, once
 * posted, pinned once and redrawn in place whenever the incident changed since.
 */
@Singleton
class RoomCard {

  private final WarRoomRepository rooms;
  private final ChatPort chat;
  private final Heartbeats heartbeats;
  private final CardAlerts cardAlerts;

  /** Lines other features add to the card (a pending handover). */
  @Inject List<CardLines> cardLines = List.of();

  RoomCard(WarRoomRepository rooms, ChatPort chat, Heartbeats heartbeats, CardAlerts cardAlerts) {
    this.rooms = rooms;
    this.chat = chat;
    this.heartbeats = heartbeats;
    this.cardAlerts = cardAlerts;
  }

  /** Pins the posted card and redraws it when the incident changed since it was last drawn. */
  void ensure(WarRoom room, Incident incident, String channel, Lease lease) {
    if (room.cardTs() == null) {
      return;
    }
    if (!room.cardPinned()) {
      chat.pin(channel, room.cardTs());
      lease.wrote(rooms.setPinned(incident.id(), lease.generation()));
    }
    if (room.syncedRevision() < incident.revision()) {
      chat.update(channel, room.cardTs(), render(incident));
      lease.wrote(rooms.setSyncedRevision(incident.id(), lease.generation(), incident.revision()));
    }
  }

  /** The card as the incident is now. */
  ChatMessage render(Incident incident) {
    List<String> extra = new ArrayList<>();
    cardLines.forEach(c -> extra.addAll(c.lines(incident)));
    return CardView.render(
        incident,
        heartbeats.nextDue(incident.id()).orElse(null),
        extra,
        cardAlerts.lines(incident.id()));
  }
}
