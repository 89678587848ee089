package io.warroom.timeline;

import io.micronaut.core.annotation.Order;
import io.micronaut.runtime.event.annotation.EventListener;
import io.warroom.chat.Mrkdwn;
import io.warroom.incident.EventOrder;
import io.warroom.incident.HandoverNote;
import io.warroom.incident.IncidentEvent;
import jakarta.inject.Singleton;

/**
 * The timeline entries of command structure: decisions, handovers offered, withdrawn and accepted,
 * take-overs, the no-IC reminder, and stakeholders answered privately.
 */
@Singleton
class CommandEntries {

  private final EntryWriter entries;

  CommandEntries(EntryWriter entries) {
    this.entries = entries;
  }

  @EventListener
  @Order(EventOrder.TIMELINE)
  void on(IncidentEvent.DecisionRecorded d) {
    entries.add(
        d.incidentId(), EntryKind.DECISION, d.at(), d.actor(), Mrkdwn.escape(d.text()), null);
  }

  @EventListener
  @Order(EventOrder.TIMELINE)
  void on(IncidentEvent.HandoverOffered o) {
    entries.add(
        o.incidentId(),
        EntryKind.HANDOVER_OFFERED,
        o.at(),
        o.actor(),
        "Handover of command offered to <@" + o.to() + ">",
        note(o.handoverId(), o.from(), o.to(), o.note()));
  }

  @EventListener
  @Order(EventOrder.TIMELINE)
  void on(IncidentEvent.HandoverWithdrawn w) {
    entries.add(
        w.incidentId(),
        EntryKind.HANDOVER_WITHDRAWN,
        w.at(),
        w.actor(),
        "Handover to <@" + w.to() + "> withdrawn: " + w.reason(),
        entries.details("handover", w.handoverId(), "from", w.from(), "to", w.to()));
  }

  @EventListener
  @Order(EventOrder.TIMELINE)
  void on(IncidentEvent.CommandChanged c) {
    entries.add(
        c.incidentId(),
        c.takeover() ? EntryKind.TAKEOVER : EntryKind.HANDOVER,
        c.at(),
        c.actor(),
        c.takeover()
            ? "<@" + c.to() + "> took over command from <@" + c.from() + ">"
            : "<@" + c.to() + "> accepted command from <@" + c.from() + ">",
        note(c.handoverId(), c.from(), c.to(), c.note()));
    entries.participant(c.incidentId(), c.to(), c.at());
  }

  @EventListener
  @Order(EventOrder.TIMELINE)
  void on(IncidentEvent.CommanderWanted w) {
    entries.add(
        w.incidentId(),
        EntryKind.IC_REMINDER,
        w.at(),
        null,
        "No Incident Commander yet (reminder " + w.reminder() + " of " + w.of() + ")",
        entries.details("reminder", w.reminder()));
  }

  @EventListener
  @Order(EventOrder.TIMELINE)
  void on(IncidentEvent.StakeholderAsked q) {
    entries.add(
        q.incidentId(),
        EntryKind.STAKEHOLDER_QUESTION,
        q.at(),
        q.actor(),
        "<@" + q.actor() + "> asked for a status and was answered privately",
        entries.details("ts", q.ts()));
  }

  private String note(Long handoverId, String from, String to, HandoverNote note) {
    return entries.details(
        "handover",
        handoverId,
        "from",
        from,
        "to",
        to,
        "state",
        note == null ? null : note.state(),
        "beingTried",
        note == null ? null : note.beingTried(),
        "nextSteps",
        note == null ? null : note.nextSteps());
  }
}
