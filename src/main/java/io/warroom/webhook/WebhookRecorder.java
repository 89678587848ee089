package io.warroom.webhook;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.annotation.Order;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.transaction.annotation.TransactionalEventListener;
import io.warroom.api.IncidentView;
import io.warroom.incident.EventOrder;
import io.warroom.incident.Incident;
import io.warroom.incident.IncidentEvent;
import io.warroom.incident.IncidentRepository;
import io.warroom.room.WarRooms;
import io.warroom.triage.Detections;
import jakarta.inject.Singleton;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/**
 * Turns incident events into events out, inside the transaction of the change: one row per event
 * and endpoint, holding the CloudEvent exactly as it will be sent. Once the transaction commits it
 * wakes the dispatcher.
 */
@Singleton
class WebhookRecorder {

  private final WebhookSettings settings;
  private final WebhookDeliveryRepository deliveries;
  private final IncidentRepository incidents;
  private final WarRooms rooms;
  private final ObjectMapper json;
  private final WebhookDispatcher dispatcher;
  private final Detections detections;

  WebhookRecorder(
      WebhookSettings settings,
      WebhookDeliveryRepository deliveries,
      IncidentRepository incidents,
      WarRooms rooms,
      ObjectMapper json,
      WebhookDispatcher dispatcher,
      Detections detections) {
    this.settings = settings;
    this.deliveries = deliveries;
    this.incidents = incidents;
    this.rooms = rooms;
    this.json = json;
    this.dispatcher = dispatcher;
    this.detections = detections;
  }

  @EventListener
  @Order(EventOrder.EVENTS_OUT)
  void on(IncidentEvent.Declared e) {
    record(e, e.incident(), Change.declared(e.actor()));
  }

  @EventListener
  @Order(EventOrder.EVENTS_OUT)
  void on(IncidentEvent.SeverityChanged e) {
    record(e, e.incident(), Change.severityChanged(e));
  }

  @EventListener
  @Order(EventOrder.EVENTS_OUT)
  void on(IncidentEvent.RoleAssigned e) {
    record(e, null, Change.roleAssigned(e));
  }

  @EventListener
  @Order(EventOrder.EVENTS_OUT)
  void on(IncidentEvent.StatusUpdated e) {
    record(e, e.incident(), Change.statusUpdated(e, e.incident().privateIncident()));
  }

  @EventListener
  @Order(EventOrder.EVENTS_OUT)
  void on(IncidentEvent.Mitigated e) {
    record(e, e.incident(), Change.mitigated(e, e.incident().privateIncident()));
  }

  @EventListener
  @Order(EventOrder.EVENTS_OUT)
  void on(IncidentEvent.Resolved e) {
    boolean hidden = e.incident().privateIncident();
    record(e, e.incident(), Change.resolved(e, hidden), Change.postmortemReady(e.actor()));
  }

  @EventListener
  @Order(EventOrder.EVENTS_OUT)
  void on(IncidentEvent.PostmortemRequested e) {
    record(e, null, Change.postmortemReady(e.actor()));
  }

  @EventListener
  @Order(EventOrder.EVENTS_OUT)
  void on(IncidentEvent.Reopened e) {
    record(e, e.incident(), Change.reopened(e.actor()));
  }

  @EventListener
  @Order(EventOrder.EVENTS_OUT)
  void on(IncidentEvent.ActionItemRecorded e) {
    record(e, null, hidden -> List.of(Change.actionItemCreated(e, hidden)));
  }

  @EventListener
  @Order(EventOrder.EVENTS_OUT)
  void on(IncidentEvent.ActionItemClosed e) {
    record(e, null, hidden -> List.of(Change.actionItemClosed(e, hidden)));
  }

  @TransactionalEventListener(TransactionalEventListener.TransactionPhase.AFTER_COMMIT)
  void afterCommit(IncidentEvent event) {
    if (settings.enabled()) {
      dispatcher.kick();
    }
  }

  private void record(IncidentEvent event, @Nullable Incident after, Change... changes) {
    record(event, after, hidden -> List.of(changes));
  }

  /**
   * Stores the event's changes for every endpoint.
   *
   * @param after the incident after the change when the event carries it; otherwise the row this
   *     transaction wrote is read
   * @param changes the changes, given whether the incident is private
   */
  private void record(
      IncidentEvent event, @Nullable Incident after, Function<Boolean, List<Change>> changes) {
    if (!settings.enabled()) {
      return;
    }
    Incident incident = after != null ? after : incidents.findById(event.incidentId()).orElse(null);
    if (incident == null) {
      return;
    }
    for (Change change : changes.apply(incident.privateIncident())) {
      String id = "msg_" + UUID.randomUUID().toString().replace("-", "");
      String body =
          Envelope.write(
              id,
              change.type(),
              settings.source(),
              incident.id(),
              event.at(),
              incident.drill(),
              data(incident, change));
      for (URI endpoint : settings.endpoints()) {
        deliveries.insert(endpoint.toString(), incident.id(), id, change.type().type(), body);
      }
    }
  }

  /**
   * The incident as {@code GET /api/incidents/{id}} shows it, plus {@code change}; a private
   * incident's title, affected service and channel are left out.
   */
  private ObjectNode data(Incident incident, Change change) {
    boolean hidden = incident.privateIncident();
    IncidentView view =
        IncidentView.of(
            incident,
            hidden ? null : rooms.channelOf(incident.id()).orElse(null),
            hidden ? null : rooms.channelNameOf(incident.id()).orElse(null),
            detections.of(incident).detectedAt());
    ObjectNode data = json.valueToTree(view);
    if (hidden) {
      data.remove(List.of("title", "affected", "channelId", "channelName"));
    }
    ObjectNode changed = json.valueToTree(change.fields());
    changed.put("type", change.type().type());
    if (change.type() == EventType.POSTMORTEM_READY) {
      changed.put(
          "postmortemUrl",
          base(settings.source()) + "/api/incidents/" + incident.id() + "/postmortem");
    }
    data.set("change", changed);
    return data;
  }

  private static String base(URI source) {
    String s = source.toString();
    return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
  }
}
