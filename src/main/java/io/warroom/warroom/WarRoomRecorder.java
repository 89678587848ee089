package io.warroom.warroom;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.transaction.annotation.TransactionalEventListener;
import io.warroom.chat.ChatMessage;
import io.warroom.incident.Incident;
import io.warroom.incident.IncidentEvent;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/**
 * Turns incident events into war-room work, inside the transaction of the change: the room to
 * build, the messages to post. Once the transaction commits it wakes the delivery.
 */
@Singleton
class WarRoomRecorder {

  private final WarRoomRepository rooms;
  private final OutboxRepository outbox;
  private final WarRoomSettings settings;
  private final ObjectMapper json;
  private final WarRoomSync sync;
  private final Clock clock;

  WarRoomRecorder(
      WarRoomRepository rooms,
      OutboxRepository outbox,
      WarRoomSettings settings,
      ObjectMapper json,
      WarRoomSync sync,
      Clock clock) {
    this.rooms = rooms;
    this.outbox = outbox;
    this.settings = settings;
    this.json = json;
    this.sync = sync;
    this.clock = clock;
  }

  @EventListener
  void record(IncidentEvent event) {
    if (event instanceof IncidentEvent.Declared declared) {
      planRoom(declared.incident());
    } else if (event instanceof IncidentEvent.RoleAssigned assigned) {
      post(assigned.incidentId(), RoomMessages.roleAssigned(assigned));
    } else if (event instanceof IncidentEvent.NoteAdded note) {
      post(note.incidentId(), RoomMessages.note(note));
    }
  }

  @TransactionalEventListener(TransactionalEventListener.TransactionPhase.AFTER_COMMIT)
  void afterCommit(IncidentEvent event) {
    sync.kick(event.incidentId());
  }

  private void planRoom(Incident incident) {
    String base =
        ChannelNames.base(
            settings.channelPrefix(),
            incident.drill(),
            incident.declaredAt().atZone(ZoneOffset.UTC).toLocalDate(),
            incident.title());
    rooms.save(WarRoom.planned(incident.id(), base));
    enqueue(incident.id(), OutboxEntry.ROOM, OutboxKind.CARD, null);
    enqueue(
        incident.id(),
        OutboxEntry.ROOM,
        OutboxKind.EXPLORATION_THREAD,
        RoomMessages.explorationThread());
    settings
        .announceChannel()
        .ifPresent(channel -> enqueue(incident.id(), channel, OutboxKind.ANNOUNCEMENT, null));
  }

  /** Queues a message for the incident's war room. */
  void post(long incidentId, ChatMessage message) {
    enqueue(incidentId, OutboxEntry.ROOM, OutboxKind.MESSAGE, message);
  }

  private void enqueue(long incidentId, String channel, OutboxKind kind, ChatMessage message) {
    Instant now = clock.instant();
    outbox.save(
        new OutboxEntry(
            null,
            incidentId,
            channel,
            null,
            null,
            kind,
            toJson(message),
            now,
            null,
            null,
            null,
            null));
  }

  private String toJson(ChatMessage message) {
    if (message == null) {
      return "{}";
    }
    try {
      return json.writeValueAsString(message);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot store message", e);
    }
  }
}
