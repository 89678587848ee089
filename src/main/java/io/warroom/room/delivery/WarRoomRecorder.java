package io.warroom.room.delivery;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.core.annotation.Order;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.transaction.annotation.TransactionalEventListener;
import io.warroom.chat.ChatMessage;
import io.warroom.heartbeat.HeartbeatSettings;
import io.warroom.heartbeat.NextUpdateDue;
import io.warroom.incident.EventOrder;
import io.warroom.incident.Incident;
import io.warroom.incident.IncidentEvent;
import io.warroom.room.ChannelNames;
import io.warroom.room.WarRoom;
import io.warroom.room.WarRoomRepository;
import io.warroom.room.WarRoomSettings;
import io.warroom.room.text.ActionMessages;
import io.warroom.room.text.LifecycleMessages;
import io.warroom.room.text.RoomMessages;
import io.warroom.room.text.TaskMessages;
import io.warroom.room.text.UpdateMessages;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/**
 * Turns incident events into war-room work, inside the transaction of the change: the room to
 * build, the messages to post or update, the notices for the announce channel. Once the transaction
 * commits it wakes the delivery.
 */
@Singleton
class WarRoomRecorder {

  private final WarRoomRepository rooms;
  private final OutboxRepository outbox;
  private final WarRoomSettings settings;
  private final HeartbeatSettings heartbeat;
  private final ObjectMapper json;
  private final WarRoomSync sync;
  private final Clock clock;

  WarRoomRecorder(
      WarRoomRepository rooms,
      OutboxRepository outbox,
      WarRoomSettings settings,
      HeartbeatSettings heartbeat,
      ObjectMapper json,
      WarRoomSync sync,
      Clock clock) {
    this.rooms = rooms;
    this.outbox = outbox;
    this.settings = settings;
    this.heartbeat = heartbeat;
    this.json = json;
    this.sync = sync;
    this.clock = clock;
  }

  @EventListener
  @Order(EventOrder.ROOM)
  void on(IncidentEvent.Declared declared) {
    planRoom(declared.incident());
  }

  @EventListener
  @Order(EventOrder.ROOM)
  void on(IncidentEvent.RoleAssigned assigned) {
    post(assigned.incidentId(), RoomMessages.roleAssigned(assigned));
  }

  @EventListener
  @Order(EventOrder.ROOM)
  void on(IncidentEvent.AlertChanged a) {
    if (a.roomLine() != null) {
      post(a.incidentId(), ChatMessage.of(a.roomLine()));
    }
  }

  @EventListener
  @Order(EventOrder.ROOM)
  void on(IncidentEvent.NoteAdded note) {
    post(note.incidentId(), RoomMessages.note(note));
  }

  @EventListener
  @Order(EventOrder.ROOM)
  void on(IncidentEvent.StatusUpdated u) {
    long id = u.incidentId();
    Instant next =
        NextUpdateDue.at(heartbeat, u.incident().severity(), u.at(), u.update().nextUpdateIn())
            .orElse(null);
    post(id, UpdateMessages.inRoom(u, next));
    announce(id, UpdateMessages.mirror(u, next, roomChannel(id)));
  }

  @EventListener
  @Order(EventOrder.ROOM)
  void on(IncidentEvent.UpdateReminderDue r) {
    post(r.incidentId(), UpdateMessages.reminder(r));
  }

  @EventListener
  @Order(EventOrder.ROOM)
  void on(IncidentEvent.SeverityChanged s) {
    long id = s.incidentId();
    post(id, LifecycleMessages.severityChanged(s, heartbeat));
    announce(
        id,
        LifecycleMessages.mirror(
            s.incident(),
            "is now " + s.incident().severity().label() + " (was " + s.from().label() + ")",
            null,
            roomChannel(id)));
  }

  @EventListener
  @Order(EventOrder.ROOM)
  void on(IncidentEvent.Mitigated m) {
    long id = m.incidentId();
    post(id, LifecycleMessages.mitigated(m));
    announce(
        id,
        LifecycleMessages.mirror(
            m.incident(), "is mitigated: impact has stopped", m.text(), roomChannel(id)));
  }

  @EventListener
  @Order(EventOrder.ROOM)
  void on(IncidentEvent.Resolved r) {
    long id = r.incidentId();
    post(id, LifecycleMessages.resolved(r));
    announce(id, LifecycleMessages.mirror(r.incident(), "is resolved", r.text(), roomChannel(id)));
  }

  @EventListener
  @Order(EventOrder.ROOM)
  void on(IncidentEvent.Reopened r) {
    long id = r.incidentId();
    post(id, LifecycleMessages.reopened(r));
    announce(id, LifecycleMessages.mirror(r.incident(), "was reopened", null, roomChannel(id)));
  }

  @EventListener
  @Order(EventOrder.ROOM)
  void on(IncidentEvent.TaskCreated t) {
    enqueue(
        t.incidentId(),
        OutboxEntry.ROOM,
        OutboxKind.MESSAGE,
        TaskMessages.open(t.task()),
        TaskMessages.ref(t.task()),
        null);
  }

  @EventListener
  @Order(EventOrder.ROOM)
  void on(IncidentEvent.TaskDone t) {
    enqueue(
        t.incidentId(),
        OutboxEntry.ROOM,
        OutboxKind.MESSAGE,
        TaskMessages.done(t.task()),
        null,
        TaskMessages.ref(t.task()));
  }

  @EventListener
  @Order(EventOrder.ROOM)
  void on(IncidentEvent.ActionItemRecorded a) {
    enqueue(
        a.incidentId(),
        OutboxEntry.ROOM,
        OutboxKind.MESSAGE,
        ActionMessages.recorded(a.item()),
        ActionMessages.ref(a.item()),
        null);
  }

  @EventListener
  @Order(EventOrder.ROOM)
  void on(IncidentEvent.ActionItemClosed a) {
    enqueue(
        a.incidentId(),
        OutboxEntry.ROOM,
        OutboxKind.MESSAGE,
        ActionMessages.closed(a.item()),
        null,
        ActionMessages.ref(a.item()));
  }

  @EventListener
  @Order(EventOrder.ROOM)
  void on(IncidentEvent.ActionItemReminder a) {
    post(a.incidentId(), ActionMessages.reminder(a.item()));
  }

  @EventListener
  @Order(EventOrder.ROOM)
  void on(IncidentEvent.ReviewDue r) {
    post(r.incidentId(), ActionMessages.reviewDue(r));
  }

  /** Whatever the event, once it is committed: the room's delivery looks at what is queued. */
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
    enqueue(incident.id(), OutboxEntry.ROOM, OutboxKind.CARD, null, null, null);
    enqueue(
        incident.id(),
        OutboxEntry.ROOM,
        OutboxKind.EXPLORATION_THREAD,
        RoomMessages.explorationThread(),
        null,
        null);
    settings
        .announceChannel()
        .ifPresent(
            channel -> enqueue(incident.id(), channel, OutboxKind.ANNOUNCEMENT, null, null, null));
  }

  /** Queues a message for the incident's war room. */
  void post(long incidentId, ChatMessage message) {
    enqueue(incidentId, OutboxEntry.ROOM, OutboxKind.MESSAGE, message, null, null);
  }

  private void announce(long incidentId, ChatMessage message) {
    settings
        .announceChannel()
        .ifPresent(
            channel -> enqueue(incidentId, channel, OutboxKind.MESSAGE, message, null, null));
  }

  /** The room's channel for links; every change after the declaration comes from inside it. */
  private String roomChannel(long incidentId) {
    return rooms.findById(incidentId).map(WarRoom::channelId).orElse(OutboxEntry.ROOM);
  }

  private void enqueue(
      long incidentId,
      String channel,
      OutboxKind kind,
      ChatMessage message,
      String ref,
      String updateRef) {
    outbox.save(
        OutboxEntry.queued(
            incidentId, channel, kind, toJson(message), clock.instant(), ref, updateRef));
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
