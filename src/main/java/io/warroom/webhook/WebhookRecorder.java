package io.warroom.webhook;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.transaction.annotation.TransactionalEventListener;
import io.warroom.api.IncidentView;
import io.warroom.incident.Incident;
import io.warroom.incident.IncidentEvent;
import io.warroom.incident.IncidentRepository;
import io.warroom.room.WarRooms;
import io.warroom.triage.Detections;
import jakarta.inject.Singleton;
import java.net.URI;
import java.util.List;
import java.util.UUID;

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
  void record(IncidentEvent event) {
    if (!settings.enabled()) {
      return;
    }
    Incident incident = stateAfter(event);
    if (incident == null) {
      return;
    }
    List<Change> changes = Change.of(event, incident.privateIncident());
    for (Change change : changes) {
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

  @TransactionalEventListener(TransactionalEventListener.TransactionPhase.AFTER_COMMIT)
  void afterCommit(IncidentEvent event) {
    if (settings.enabled()) {
      dispatcher.kick();
    }
  }

  /** The incident after the change: the event's own copy, or the row this transaction wrote. */
  private Incident stateAfter(IncidentEvent event) {
    if (event instanceof IncidentEvent.Declared d) {
      return d.incident();
    } else if (event instanceof IncidentEvent.SeverityChanged s) {
      return s.incident();
    } else if (event instanceof IncidentEvent.StatusUpdated u) {
      return u.incident();
    } else if (event instanceof IncidentEvent.Mitigated m) {
      return m.incident();
    } else if (event instanceof IncidentEvent.Resolved r) {
      return r.incident();
    } else if (event instanceof IncidentEvent.Reopened r) {
      return r.incident();
    }
    return incidents.findById(event.incidentId()).orElse(null);
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
