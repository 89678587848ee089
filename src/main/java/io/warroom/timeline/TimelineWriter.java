package io.warroom.timeline;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.core.annotation.Order;
import io.micronaut.runtime.event.annotation.EventListener;
import io.warroom.chat.Mrkdwn;
import io.warroom.incident.EventOrder;
import io.warroom.incident.HandoverNote;
import io.warroom.incident.Incident;
import io.warroom.incident.IncidentEvent;
import io.warroom.incident.StatusUpdate;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The only code that writes the timeline. Entry texts are Slack mrkdwn: messages as Slack sent
 * them, Warroom's own entries with user text escaped, so any text can be shown again in Slack after
 * {@link Mrkdwn#defuse}. Incident events arrive inside the transaction of the change; captured
 * messages through {@link TimelineCapture}. Each entry keeps its actor, time and, where they apply,
 * the old and new values.
 */
@Singleton
class TimelineWriter {

  private final TimelineRepository entries;
  private final ParticipantRepository participants;
  private final EarlyPinRepository early;
  private final ObjectMapper json;

  TimelineWriter(
      TimelineRepository entries,
      ParticipantRepository participants,
      EarlyPinRepository early,
      ObjectMapper json) {
    this.entries = entries;
    this.participants = participants;
    this.early = early;
    this.json = json;
  }

  @EventListener
  @Order(EventOrder.TIMELINE)
  void on(IncidentEvent.Declared declared) {
    Incident i = declared.incident();
    add(
        i.id(),
        EntryKind.DECLARED,
        declared.at(),
        i.declaredBy(),
        (i.drill() ? "Drill declared: " : "Declared ")
            + i.severity().label()
            + ": "
            + Mrkdwn.escape(i.title()),
        details(
            "severity", i.severity().label(),
            "private", i.privateIncident(),
            "drill", i.drill(),
            "affected", i.affected()));
    if (i.declaredByPerson()) {
      participants.add(i.id(), i.declaredBy(), declared.at());
    }
  }

  @EventListener
  @Order(EventOrder.TIMELINE)
  void on(IncidentEvent.RoleAssigned assigned) {
    add(
        assigned.incidentId(),
        EntryKind.ROLE_ASSIGNED,
        assigned.at(),
        assigned.actor(),
        "<@"
            + assigned.assignee()
            + "> is the "
            + assigned.role().title()
            + (assigned.previous() == null ? "" : " (was <@" + assigned.previous() + ">)"),
        details(
            "role",
            assigned.role().keyword(),
            "from",
            assigned.previous(),
            "to",
            assigned.assignee()));
    participants.add(assigned.incidentId(), assigned.assignee(), assigned.at());
  }

  @EventListener
  @Order(EventOrder.TIMELINE)
  void on(IncidentEvent.AlertChanged a) {
    if ("update".equals(a.change())) {
      return; // a notification that changed counts only: a war-room line at most
    }
    add(
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
    add(
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
    add(
        s.incidentId(),
        EntryKind.SEVERITY_CHANGED,
        s.at(),
        s.actor(),
        "Severity " + s.from().label() + " → " + s.incident().severity().label(),
        details("from", s.from().label(), "to", s.incident().severity().label()));
  }

  @EventListener
  @Order(EventOrder.TIMELINE)
  void on(IncidentEvent.StatusUpdated u) {
    StatusUpdate up = u.update();
    add(
        u.incidentId(),
        EntryKind.STATUS_UPDATE,
        u.at(),
        u.actor(),
        u.incident().status().label() + ": " + Mrkdwn.escape(summary(up)),
        details(
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
    add(
        r.incidentId(),
        EntryKind.REMINDER,
        r.at(),
        null,
        "Status update overdue (reminder " + r.missed() + ")",
        details("dueAt", r.dueAt().toString(), "missed", r.missed()));
  }

  @EventListener
  @Order(EventOrder.TIMELINE)
  void on(IncidentEvent.TaskCreated t) {
    add(
        t.incidentId(),
        EntryKind.TASK_CREATED,
        t.at(),
        t.actor(),
        "Task for <@" + t.task().assignee() + ">: " + Mrkdwn.escape(t.task().text()),
        details("task", t.task().id(), "assignee", t.task().assignee()));
    participants.add(t.incidentId(), t.task().assignee(), t.at());
  }

  @EventListener
  @Order(EventOrder.TIMELINE)
  void on(IncidentEvent.TaskDone t) {
    add(
        t.incidentId(),
        EntryKind.TASK_DONE,
        t.at(),
        t.actor(),
        "Task done: " + Mrkdwn.escape(t.task().text()),
        details("task", t.task().id(), "assignee", t.task().assignee()));
  }

  @EventListener
  @Order(EventOrder.TIMELINE)
  void on(IncidentEvent.Mitigated m) {
    add(m.incidentId(), EntryKind.MITIGATED, m.at(), m.actor(), "Mitigated" + how(m.text()), null);
  }

  @EventListener
  @Order(EventOrder.TIMELINE)
  void on(IncidentEvent.Resolved r) {
    add(r.incidentId(), EntryKind.RESOLVED, r.at(), r.actor(), "Resolved" + how(r.text()), null);
  }

  @EventListener
  @Order(EventOrder.TIMELINE)
  void on(IncidentEvent.Reopened r) {
    add(r.incidentId(), EntryKind.REOPENED, r.at(), r.actor(), "Reopened: declared again", null);
  }

  @EventListener
  @Order(EventOrder.TIMELINE)
  void on(IncidentEvent.ActionItemRecorded a) {
    add(
        a.incidentId(),
        EntryKind.ACTION_ITEM,
        a.at(),
        a.actor(),
        "Action item: "
            + Mrkdwn.escape(a.item().text())
            + (a.item().owner() == null ? "" : " (owner <@" + a.item().owner() + ">)"),
        details("item", a.item().id(), "owner", a.item().owner()));
  }

  @EventListener
  @Order(EventOrder.TIMELINE)
  void on(IncidentEvent.ActionItemClosed a) {
    add(
        a.incidentId(),
        EntryKind.ACTION_ITEM_CLOSED,
        a.at(),
        a.actor(),
        "Action item "
            + a.item().status().label().toLowerCase(java.util.Locale.ROOT)
            + ": "
            + Mrkdwn.escape(a.item().text()),
        details("item", a.item().id(), "status", a.item().status().name()));
  }

  @EventListener
  @Order(EventOrder.TIMELINE)
  void on(IncidentEvent.HypothesisChanged h) {
    String name = "H" + h.number();
    String text =
        switch (h.change()) {
          case RAISED -> "Hypothesis " + name + " raised: " + Mrkdwn.escape(h.text());
          case CHECKING -> "<@" + h.actor() + "> is checking " + name;
          case CONFIRMED -> "Hypothesis " + name + " confirmed" + how(h.note());
          case RULED_OUT -> "Hypothesis " + name + " ruled out" + how(h.note());
        };
    add(
        h.incidentId(),
        EntryKind.HYPOTHESIS,
        h.at(),
        h.actor(),
        text,
        details(
            "hypothesis",
            h.number(),
            "change",
            h.change().name(),
            "text",
            h.text(),
            "link",
            h.link(),
            "note",
            h.note()));
  }

  private static String how(String text) {
    return text == null ? "" : ": " + Mrkdwn.escape(text);
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

  /** Stores a message once; false when this channel and ts were already stored. */
  boolean message(long incidentId, CapturedMessage m, boolean exploration) {
    Map<String, Object> data = new LinkedHashMap<>();
    if (!m.files().isEmpty()) {
      data.put("files", m.files());
    }
    if (m.botName() != null) {
      data.put("bot", m.botName());
    }
    int stored =
        entries.insertMessage(
            incidentId,
            m.at(),
            m.author(),
            m.text(),
            m.channelId(),
            m.ts(),
            m.threadTs(),
            exploration,
            data.isEmpty() ? null : write(data));
    if (stored == 1 && m.author() != null && m.botName() == null) {
      participants.add(incidentId, m.author(), m.at());
    }
    return stored == 1;
  }

  /**
   * The message as it reads after an edit; stored from the edit, marked edited, if its own event
   * has not come yet (a late original is then refused as a duplicate). A deleted one stays deleted.
   */
  void edit(long incidentId, CapturedMessage now, boolean exploration, Instant at) {
    if (entries.edit(now.channelId(), now.ts(), now.text(), at) == 0
        && message(incidentId, now, exploration)) {
      entries.edit(now.channelId(), now.ts(), now.text(), at);
    }
  }

  /**
   * Forgets a deleted message's words and files; if its own event has not come yet, stores that it
   * was said, without words, so that the late original is refused as a duplicate.
   */
  /**
   * Forgets a deleted message's words.
   *
   * @return whether a postmortem draft would have quoted it (a key event, or a finding from the
   *     exploration thread)
   */
  boolean delete(long incidentId, CapturedMessage was, boolean exploration, Instant at) {
    boolean quoted =
        entries
            .findByChannelIdAndTs(was.channelId(), was.ts())
            .map(e -> !e.deleted() && (e.keyEvent() || e.exploration()))
            .orElse(false);
    if (entries.delete(was.channelId(), was.ts(), at) == 0) {
      entries.insertDeleted(
          incidentId,
          was.at(),
          was.author(),
          was.channelId(),
          was.ts(),
          was.threadTs(),
          exploration,
          at);
    }
    return quoted;
  }

  /**
   * Adds a :pushpin: to a message's count, or takes one off. Slack does not deliver events in
   * order: a pin on a message whose own event has not come yet is kept aside, and {@link
   * EarlyPinSweep} adds it once the message is stored.
   */
  void pin(String channelId, String ts, boolean added, Instant at) {
    int delta = added ? 1 : -1;
    if (entries.pin(channelId, ts, delta) == 0
        && entries.findByChannelIdAndTs(channelId, ts).isEmpty()) {
      early.remember(channelId, ts, delta, at);
    }
  }

  /**
   * Adds one stored message's early pins to its count, those this transaction takes: a pin another
   * replica took first is not added again. They are added up first, so a removal that overtook its
   * pin cancels it instead of being refused on its own.
   */
  void giveEarlyPins(List<EarlyPin> pins) {
    int delta = 0;
    for (EarlyPin pin : pins) {
      delta += early.take(pin.id()) * pin.delta();
    }
    if (delta != 0) {
      entries.pin(pins.get(0).channelId(), pins.get(0).ts(), delta);
    }
  }

  void joined(long incidentId, String user, Instant at) {
    if (participants.add(incidentId, user, at) == 1) {
      add(incidentId, EntryKind.JOINED, at, user, "<@" + user + "> joined", null);
    }
  }

  @EventListener
  @Order(EventOrder.TIMELINE)
  void on(IncidentEvent.DecisionRecorded d) {
    add(d.incidentId(), EntryKind.DECISION, d.at(), d.actor(), Mrkdwn.escape(d.text()), null);
  }

  @EventListener
  @Order(EventOrder.TIMELINE)
  void on(IncidentEvent.HandoverOffered o) {
    add(
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
    add(
        w.incidentId(),
        EntryKind.HANDOVER_WITHDRAWN,
        w.at(),
        w.actor(),
        "Handover to <@" + w.to() + "> withdrawn: " + w.reason(),
        details("handover", w.handoverId(), "from", w.from(), "to", w.to()));
  }

  @EventListener
  @Order(EventOrder.TIMELINE)
  void on(IncidentEvent.CommandChanged c) {
    add(
        c.incidentId(),
        c.takeover() ? EntryKind.TAKEOVER : EntryKind.HANDOVER,
        c.at(),
        c.actor(),
        c.takeover()
            ? "<@" + c.to() + "> took over command from <@" + c.from() + ">"
            : "<@" + c.to() + "> accepted command from <@" + c.from() + ">",
        note(c.handoverId(), c.from(), c.to(), c.note()));
    participants.add(c.incidentId(), c.to(), c.at());
  }

  @EventListener
  @Order(EventOrder.TIMELINE)
  void on(IncidentEvent.CommanderWanted w) {
    add(
        w.incidentId(),
        EntryKind.IC_REMINDER,
        w.at(),
        null,
        "No Incident Commander yet (reminder " + w.reminder() + " of " + w.of() + ")",
        details("reminder", w.reminder()));
  }

  @EventListener
  @Order(EventOrder.TIMELINE)
  void on(IncidentEvent.StakeholderAsked q) {
    add(
        q.incidentId(),
        EntryKind.STAKEHOLDER_QUESTION,
        q.at(),
        q.actor(),
        "<@" + q.actor() + "> asked for a status and was answered privately",
        details("ts", q.ts()));
  }

  private String note(Long handoverId, String from, String to, HandoverNote note) {
    return details(
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

  private void add(
      long incidentId, EntryKind kind, Instant at, String actor, String text, String data) {
    entries.save(TimelineEntry.event(incidentId, kind, at, actor, text, data));
  }

  private String details(Object... pairs) {
    Map<String, Object> data = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      if (pairs[i + 1] != null) {
        data.put((String) pairs[i], pairs[i + 1]);
      }
    }
    return data.isEmpty() ? null : write(data);
  }

  private String write(Object value) {
    try {
      return json.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
