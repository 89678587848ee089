package io.warroom.triage;

import io.micronaut.context.event.ApplicationEventPublisher;
import io.warroom.incident.Incident;
import io.warroom.incident.IncidentService;
import io.warroom.incident.Refusal;
import io.warroom.incident.Status;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/** What the alert card's buttons (and {@code /incident attach}) do to a group. */
@Singleton
public class Triage {

  private final TriageRepository groups;
  private final IncidentService incidents;
  private final TriageCards cards;
  private final ApplicationEventPublisher<AlertAttached> attached;
  private final Clock clock;

  Triage(
      TriageRepository groups,
      IncidentService incidents,
      TriageCards cards,
      ApplicationEventPublisher<AlertAttached> attached,
      Clock clock) {
    this.groups = groups;
    this.incidents = incidents;
    this.cards = cards;
    this.attached = attached;
    this.clock = clock;
  }

  public Optional<TriagedGroup> find(long groupId) {
    return groups.findById(groupId);
  }

  /** Records who judged the group noise; refused once it belongs to an incident. */
  public void noise(long groupId, String by) {
    TriagedGroup g = groups.findById(groupId).orElseThrow(() -> new Refusal("No such alert."));
    if (g.incidentId() != null) {
      throw new Refusal("This alert already belongs to incident " + g.incidentId() + ".");
    }
    if (groups.noise(groupId, by, clock.instant()) == 1) {
      cards.kick(groupId);
    }
  }

  /**
   * Attaches the group to an open incident. {@code kind} says how: {@link TriagedGroup#DECLARED}
   * (the incident was declared from the card) or {@link TriagedGroup#ATTACHED}.
   */
  public void attach(long groupId, long incidentId, String kind, String by) {
    TriagedGroup g = groups.findById(groupId).orElseThrow(() -> new Refusal("No such alert."));
    Incident incident =
        incidents.find(incidentId).orElseThrow(() -> new Refusal("No such incident."));
    if (g.incidentId() != null) {
      if (g.incidentId() == incidentId) {
        return;
      }
      throw new Refusal("This alert already belongs to incident " + g.incidentId() + ".");
    }
    if (incident.status() == Status.RESOLVED) {
      throw new Refusal("Incident " + incidentId + " is resolved; attach alerts to open ones.");
    }
    if (groups.attach(groupId, incidentId, kind, by, clock.instant()) == 1) {
      attached.publishEvent(new AlertAttached(groupId, incidentId));
      cards.kick(groupId);
    }
  }

  /** Open incidents to attach an alert to, newest first. */
  public List<Incident> openIncidents() {
    return incidents.open();
  }

  /** Firing groups nobody has dealt with, most recent first. */
  public List<TriagedGroup> unattached(int limit) {
    return groups.findUnattached(limit);
  }

  /** The groups attached to an incident. */
  public List<TriagedGroup> attachedTo(long incidentId) {
    return groups.findByIncidentIdOrderById(incidentId);
  }
}
