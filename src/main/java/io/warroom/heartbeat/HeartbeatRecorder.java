package io.warroom.heartbeat;

import io.micronaut.core.annotation.Order;
import io.micronaut.runtime.event.annotation.EventListener;
import io.warroom.incident.EventOrder;
import io.warroom.incident.Incident;
import io.warroom.incident.IncidentEvent;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.Optional;

/**
 * Keeps each incident's next-update-due time in step with what happened, inside the transaction of
 * the change: a declaration starts the clock, an update resets it (to the promised time, or the
 * cadence), a severity change applies the new cadence at once, resolving stops it.
 */
@Singleton
class HeartbeatRecorder {

  private final HeartbeatRepository heartbeats;
  private final HeartbeatSettings settings;

  HeartbeatRecorder(HeartbeatRepository heartbeats, HeartbeatSettings settings) {
    this.heartbeats = heartbeats;
    this.settings = settings;
  }

  @EventListener
  @Order(EventOrder.HEARTBEAT)
  void on(IncidentEvent.Declared d) {
    Incident i = d.incident();
    heartbeats.save(new Heartbeat(i.id(), due(i, d.at()).orElse(null), 0, d.at()));
  }

  @EventListener
  @Order(EventOrder.HEARTBEAT)
  void on(IncidentEvent.StatusUpdated u) {
    Instant next =
        NextUpdateDue.at(settings, u.incident().severity(), u.at(), u.update().nextUpdateIn())
            .orElse(null);
    heartbeats.updated(u.incidentId(), next, u.at());
  }

  @EventListener
  @Order(EventOrder.HEARTBEAT)
  void on(IncidentEvent.SeverityChanged s) {
    heartbeats
        .findById(s.incidentId())
        .ifPresent(
            h ->
                heartbeats.reschedule(
                    s.incidentId(), due(s.incident(), h.lastUpdateAt()).orElse(null)));
  }

  @EventListener
  @Order(EventOrder.HEARTBEAT)
  void on(IncidentEvent.Resolved r) {
    heartbeats.reschedule(r.incidentId(), null);
  }

  @EventListener
  @Order(EventOrder.HEARTBEAT)
  void on(IncidentEvent.Reopened r) {
    heartbeats.updated(r.incidentId(), due(r.incident(), r.at()).orElse(null), r.at());
  }

  /** When an update is owed, counting from {@code since}; empty when the cadence is off. */
  private Optional<Instant> due(Incident incident, Instant since) {
    return NextUpdateDue.at(settings, incident.severity(), since, null);
  }
}
