package io.warroom.timeline;

import io.micronaut.core.annotation.Order;
import io.micronaut.runtime.event.annotation.EventListener;
import io.warroom.chat.Mrkdwn;
import io.warroom.incident.EventOrder;
import io.warroom.incident.Incident;
import io.warroom.incident.IncidentEvent;
import io.warroom.incident.StatusUpdate;
import jakarta.inject.Singleton;

/**
 * The timeline entries of the incident itself: its declaration, roles, alerts, notes, severity,
 * status updates and reminders, mitigation, resolution and reopening. Each is written in the
 * transaction of the change, with its actor, time and, where they apply, the old and new values.
 */
@Singleton
class IncidentEntries {

  private final EntryWriter entries;

  IncidentEntries(EntryWriter entries) {
    this.entries = entries;
  }

  @EventListener
  @Order(EventOrder.TIMELINE)
  void on(IncidentEvent.Declared declared) {
    Incident i = declared.incident();
    entries.add(
        i.id(),
        EntryKind.DECLARED,
        declared.at(),
        i.declaredBy(),
        (i.drill() ? "Drill declared: " : "Declared ")
            + i.severity().label()
            + ": "
            + Mrkdwn.escape(i.title()),
        entries.details(
            "severity", i.severity().label(),
            "private", i.privateIncident(),
            "drill", i.drill(),
            "affected", i.affected()));
    if (i.declaredByPerson()) {
      entries.participant(i.id(), i.declaredBy(), declared.at());
    }
  }

  @EventListener
  @Order(EventOrder.TIMELINE)
  void on(IncidentEvent.RoleAssigned assigned) {
    entries.add(
        assigned.incidentId(),
        EntryKind.ROLE_ASSIGNED,
        assigned.at(),
        assigned.actor(),
        "<@"
            + assigned.assignee()
            + "> is the "
            + assigned.role().title()
            + (assigned.previous() == null ? "" : " (was <@" + assigned.previous() + ">)"),
        entries.details(
            "role",
            assigned.role().keyword(),
            "from",
            assigned.previous(),
            "to",
            assigned.assignee()));
    entries.participant(assigned.incidentId(), assigned.assignee(), assigned.at());
  }

  @EventListener
  @Order(EventOrder.TIMELINE)
  void on(IncidentEvent.AlertChanged a) {
    if ("update".equals(a.change())) {
      return; // a notification that changed counts only: a war-room line at most
    }
    entries.add(
        a.incidentId(),
        "resolved".equals(a.change()) ? EntryKind.ALERT_RESOLVED : EntryKind.ALERT_FIRED,
        a.at(),
        null,
        a.text(),
        null);
  }

  @EventListener
  @Order(EventOrder.TIMELINE)
  void on(IncidentEvent.NoteAdded note) {
    entries.add(
        note.incidentId(),
        EntryKind.NOTE,
        note.at(),
        note.actor(),
        Mrkdwn.escape(note.text()),
        null);
  }

  @EventListener
  @Order(EventOrder.TIMELINE)
  void on(IncidentEvent.SeverityChanged s) {
    entries.add(
        s.incidentId(),
        EntryKind.SEVERITY_CHANGED,
        s.at(),
        s.actor(),
        "Severity " + s.from().label() + " → " + s.incident().severity().label(),
        entries.details("from", s.from().label(), "to", s.incident().severity().label()));
  }

  @EventListener
  @Order(EventOrder.TIMELINE)
  void on(IncidentEvent.StatusUpdated u) {
    StatusUpdate up = u.update();
    entries.add(
        u.incidentId(),
        EntryKind.STATUS_UPDATE,
        u.at(),
        u.actor(),
        u.incident().status().label() + ": " + Mrkdwn.escape(summary(up)),
        entries.details(
            "status", u.incident().status().label(),
            "impact", up.impact(),
            "actionsTaken", up.actionsTaken(),
            "nextSteps", up.nextSteps(),
            "nextUpdateInMinutes",
                up.nextUpdateIn() == null ? null : up.nextUpdateIn().toMinutes()));
  }

  @EventListener
  @Order(EventOrder.TIMELINE)
  void on(IncidentEvent.UpdateReminderDue r) {
    entries.add(
        r.incidentId(),
        EntryKind.REMINDER,
        r.at(),
        null,
        "Status update overdue (reminder " + r.missed() + ")",
        entries.details("dueAt", r.dueAt().toString(), "missed", r.missed()));
  }

  @EventListener
  @Order(EventOrder.TIMELINE)
  void on(IncidentEvent.Mitigated m) {
    entries.add(
        m.incidentId(),
        EntryKind.MITIGATED,
        m.at(),
        m.actor(),
        "Mitigated" + EntryWriter.how(m.text()),
        null);
  }

  @EventListener
  @Order(EventOrder.TIMELINE)
  void on(IncidentEvent.Resolved r) {
    entries.add(
        r.incidentId(),
        EntryKind.RESOLVED,
        r.at(),
        r.actor(),
        "Resolved" + EntryWriter.how(r.text()),
        null);
  }

  @EventListener
  @Order(EventOrder.TIMELINE)
  void on(IncidentEvent.Reopened r) {
    entries.add(
        r.incidentId(), EntryKind.REOPENED, r.at(), r.actor(), "Reopened: declared again", null);
  }

  private static String summary(StatusUpdate update) {
    StringBuilder s = new StringBuilder();
    for (String part : new String[] {update.impact(), update.actionsTaken(), update.nextSteps()}) {
      if (part != null) {
        s.append(s.length() == 0 ? "" : " · ").append(part);
      }
    }
    return s.toString();
  }
}
