package io.warroom.triage;

import io.micronaut.transaction.annotation.Transactional;
import io.warroom.chat.Mrkdwn;
import io.warroom.incident.IncidentEvent;
import io.warroom.incident.IncidentEvents;
import io.warroom.incident.IncidentRepository;
import io.warroom.room.CardAlerts;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Alerts inside their incident: the lines on its card, the timeline's {@code alert fired} / {@code
 * alert resolved}, and the short war-room line a change of an attached group posts (at most one per
 * group a minute).
 */
@Singleton
public class IncidentAlerts implements CardAlerts {

  static final Duration LINE_EVERY = Duration.ofMinutes(1);
  private static final int MAX_LINES = 10;

  private final TriageRepository groups;
  private final IncidentRepository incidents;
  private final IncidentEvents events;
  private final Clock clock;

  IncidentAlerts(
      TriageRepository groups, IncidentRepository incidents, IncidentEvents events, Clock clock) {
    this.groups = groups;
    this.incidents = incidents;
    this.events = events;
    this.clock = clock;
  }

  @Override
  public List<String> lines(long incidentId) {
    List<TriagedGroup> attached = groups.findByIncidentIdOrderById(incidentId);
    List<String> lines = new ArrayList<>();
    for (TriagedGroup g : attached.subList(0, Math.min(attached.size(), MAX_LINES))) {
      lines.add(line(g));
    }
    if (attached.size() > MAX_LINES) {
      lines.add("… and " + (attached.size() - MAX_LINES) + " more");
    }
    return lines;
  }

  static String line(TriagedGroup g) {
    String state =
        g.firing()
            ? g.firingCount() + " of " + g.alertCount() + " firing"
            : "resolved, " + g.alertCount() + (g.alertCount() == 1 ? " alert" : " alerts");
    String runbook = AlertCardView.link(g.runbookUrl(), "runbook").map(l -> " · " + l).orElse("");
    return (g.firing() ? ":rotating_light: " : ":white_check_mark: ")
        + AlertCardView.escape(Mrkdwn.truncate(g.summary(), 120))
        + " ("
        + AlertCardView.source(g.source())
        + ", "
        + state
        + ")"
        + runbook;
  }

  /**
   * Tells the group's incident what changed, in one transaction with the timeline entry and the
   * war-room line; repeating it for the same state records nothing twice.
   */
  @Transactional
  void report(TriagedGroup g) {
    if (g.incidentId() == null) {
      return;
    }
    long incidentId = g.incidentId();
    Instant now = clock.instant();
    boolean changed = groups.claimIncidentStatus(g.id(), g.status()) == 1;
    String change = !changed ? "update" : g.firing() ? "fired" : "resolved";
    Instant at =
        changed && g.firing() && g.incidentStatus() == null && g.startedAt() != null
            ? g.startedAt()
            : now;
    String text =
        (g.firing() ? "Alert fired: " : "Alert resolved: ")
            + AlertCardView.escape(Mrkdwn.truncate(g.summary(), 200))
            + " ("
            + AlertCardView.source(g.source())
            + ", "
            + g.firingCount()
            + " of "
            + g.alertCount()
            + " firing)";
    String roomLine =
        groups.claimRoomLine(g.id(), now, now.minus(LINE_EVERY)) == 1 ? line(g) : null;
    incidents.touch(incidentId);
    events.publish(new IncidentEvent.AlertChanged(incidentId, change, text, roomLine, at));
  }
}
