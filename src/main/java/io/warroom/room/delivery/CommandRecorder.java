package io.warroom.room.delivery;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.core.annotation.Order;
import io.micronaut.runtime.event.annotation.EventListener;
import io.warroom.chat.ChatMessage;
import io.warroom.incident.EventOrder;
import io.warroom.incident.IncidentEvent;
import io.warroom.room.text.CommandMessages;
import jakarta.inject.Singleton;
import java.time.Clock;

/**
 * Turns the events of command structure (handovers, take-overs, decisions, the no-IC reminder) into
 * war-room posts, inside the transaction of the change, beside {@link WarRoomRecorder}, which wakes
 * the delivery after commit for every incident event.
 */
@Singleton
class CommandRecorder {

  private final OutboxRepository outbox;
  private final ObjectMapper json;
  private final Clock clock;

  CommandRecorder(OutboxRepository outbox, ObjectMapper json, Clock clock) {
    this.outbox = outbox;
    this.json = json;
    this.clock = clock;
  }

  @EventListener
  @Order(EventOrder.ROOM)
  void on(IncidentEvent.HandoverOffered o) {
    enqueue(o.incidentId(), CommandMessages.offered(o), CommandMessages.ref(o.handoverId()), null);
  }

  @EventListener
  @Order(EventOrder.ROOM)
  void on(IncidentEvent.HandoverWithdrawn w) {
    enqueue(
        w.incidentId(), CommandMessages.withdrawn(w), null, CommandMessages.ref(w.handoverId()));
  }

  @EventListener
  @Order(EventOrder.ROOM)
  void on(IncidentEvent.CommandChanged c) {
    if (!c.takeover() && c.handoverId() != null) {
      enqueue(
          c.incidentId(), CommandMessages.accepted(c), null, CommandMessages.ref(c.handoverId()));
    }
    enqueue(c.incidentId(), CommandMessages.changed(c), null, null);
  }

  @EventListener
  @Order(EventOrder.ROOM)
  void on(IncidentEvent.DecisionRecorded d) {
    enqueue(d.incidentId(), CommandMessages.decision(d), null, null);
  }

  @EventListener
  @Order(EventOrder.ROOM)
  void on(IncidentEvent.CommanderWanted w) {
    enqueue(w.incidentId(), CommandMessages.commanderWanted(w), null, null);
  }

  private void enqueue(long incidentId, ChatMessage message, String ref, String updateRef) {
    String body;
    try {
      body = json.writeValueAsString(message);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot store message", e);
    }
    outbox.save(
        OutboxEntry.queued(
            incidentId,
            OutboxEntry.ROOM,
            OutboxKind.MESSAGE,
            body,
            clock.instant(),
            ref,
            updateRef));
  }
}
