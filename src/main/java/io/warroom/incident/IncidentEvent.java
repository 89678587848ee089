package io.warroom.incident;

import io.micronaut.core.annotation.Nullable;
import java.time.Instant;

/**
 * Something that happened to an incident. {@link IncidentService} publishes these inside the
 * transaction that made the change, so listeners (the timeline, the war room) write their rows
 * atomically with it; Slack hears about it only after commit.
 */
public sealed interface IncidentEvent {

  long incidentId();

  /** The Slack user who caused it; empty for Warroom's own doings. */
  @Nullable
  String actor();

  Instant at();

  record Declared(Incident incident, Instant at) implements IncidentEvent {
    @Override
    public long incidentId() {
      return incident.id();
    }

    @Override
    public String actor() {
      return incident.declaredBy();
    }
  }

  record RoleAssigned(
      long incidentId,
      Role role,
      @Nullable String previous,
      String assignee,
      String actor,
      Instant at)
      implements IncidentEvent {}

  /**
   * An alert group attached to the incident changed: {@code change} is {@code fired}, {@code
   * resolved} or {@code update} (counts changed, not the state); {@code text} is mrkdwn with the
   * source's text escaped; {@code roomLine}, when set, is the short line for the war room (at most
   * one per group a minute).
   */
  record AlertChanged(
      long incidentId, String change, String text, @Nullable String roomLine, Instant at)
      implements IncidentEvent {
    @Override
    public String actor() {
      return null;
    }
  }

  /** A key event someone wrote down with {@code /incident note}. */
  record NoteAdded(long incidentId, String text, String actor, Instant at)
      implements IncidentEvent {}

  /** The severity changed; {@code incident} is the state after the change. */
  record SeverityChanged(Incident incident, Severity from, String actor, Instant at)
      implements IncidentEvent {
    @Override
    public long incidentId() {
      return incident.id();
    }
  }

  /** A status update was posted; {@code incident} is the state after it. */
  record StatusUpdated(Incident incident, StatusUpdate update, String actor, Instant at)
      implements IncidentEvent {
    @Override
    public long incidentId() {
      return incident.id();
    }
  }

  /**
   * A promised status update is overdue.
   *
   * @param missed how many reminders, this one included, since the last update
   * @param lastUpdateAt when stakeholders last heard something (the declaration at first)
   */
  record UpdateReminderDue(
      Incident incident, Instant dueAt, int missed, Instant lastUpdateAt, Instant at)
      implements IncidentEvent {
    @Override
    public long incidentId() {
      return incident.id();
    }

    @Override
    public String actor() {
      return null;
    }
  }

  record TaskCreated(long incidentId, Task task, String actor, Instant at)
      implements IncidentEvent {}

  record TaskDone(long incidentId, Task task, String actor, Instant at) implements IncidentEvent {}

  /** Impact stopped; {@code text} says how, if given. */
  record Mitigated(Incident incident, @Nullable String text, String actor, Instant at)
      implements IncidentEvent {
    @Override
    public long incidentId() {
      return incident.id();
    }
  }

  record Resolved(Incident incident, @Nullable String text, String actor, Instant at)
      implements IncidentEvent {
    @Override
    public long incidentId() {
      return incident.id();
    }
  }

  /** A resolved incident is back: declared again. */
  record Reopened(Incident incident, String actor, Instant at) implements IncidentEvent {
    @Override
    public long incidentId() {
      return incident.id();
    }
  }

  record ActionItemRecorded(long incidentId, ActionItem item, String actor, Instant at)
      implements IncidentEvent {}

  /** An action item was done or dropped ({@code item.status()} says which). */
  record ActionItemClosed(long incidentId, ActionItem item, String actor, Instant at)
      implements IncidentEvent {}

  /** An open action item of a resolved incident: its owner's weekly nudge. */
  record ActionItemReminder(long incidentId, ActionItem item, Instant at) implements IncidentEvent {
    @Override
    public String actor() {
      return null;
    }
  }

  /** The postmortem review is due; these action items are still open. */
  record ReviewDue(
      Incident incident, java.util.List<ActionItem> openItems, Instant dueAt, Instant at)
      implements IncidentEvent {
    @Override
    public long incidentId() {
      return incident.id();
    }

    @Override
    public String actor() {
      return null;
    }
  }

  /** Someone asked for the postmortem draft again ({@code /incident postmortem}). */
  record PostmortemRequested(long incidentId, String actor, Instant at) implements IncidentEvent {}

  /**
   * A hypothesis on the board was raised, taken on ("I'll check"), confirmed or ruled out. The
   * board itself lives in {@code io.warroom.hypothesis}; this carries what the timeline records.
   *
   * @param number the hypothesis's number in its incident (H{@code number})
   * @param link the Slack message it was tracked from, if any
   * @param note the note given when it was confirmed or ruled out, if any
   */
  record HypothesisChanged(
      long incidentId,
      int number,
      String text,
      Change change,
      @Nullable String link,
      @Nullable String note,
      String actor,
      Instant at)
      implements IncidentEvent {

    /** What happened to the hypothesis. */
    public enum Change {
      RAISED,
      CHECKING,
      CONFIRMED,
      RULED_OUT
    }
  }

  /**
   * The IC offered command to someone with a handover note; it changes hands only when they accept.
   */
  record HandoverOffered(
      long incidentId, long handoverId, String from, String to, HandoverNote note, Instant at)
      implements IncidentEvent {
    @Override
    public String actor() {
      return from;
    }
  }

  /**
   * An offered handover lapsed before it was accepted: a newer one replaced it, or command changed
   * hands another way.
   */
  record HandoverWithdrawn(
      long incidentId,
      long handoverId,
      String from,
      String to,
      HandoverNote note,
      String reason,
      @Nullable String actor,
      Instant at)
      implements IncidentEvent {}

  /**
   * Command changed hands: a handover accepted by {@code to} (with its note), or a take-over that
   * {@code actor} confirmed over the IC {@code from} (no note). {@code incident} is the state
   * after.
   */
  record CommandChanged(
      Incident incident,
      @Nullable Long handoverId,
      String from,
      String to,
      @Nullable HandoverNote note,
      boolean takeover,
      String actor,
      Instant at)
      implements IncidentEvent {
    @Override
    public long incidentId() {
      return incident.id();
    }
  }

  /** A decision someone recorded with {@code /incident decision}. */
  record DecisionRecorded(long incidentId, String text, String actor, Instant at)
      implements IncidentEvent {}

  /** The incident still has no Incident Commander; {@code reminder} counts from 1. */
  record CommanderWanted(Incident incident, int reminder, int of, Instant at)
      implements IncidentEvent {
    @Override
    public long incidentId() {
      return incident.id();
    }

    @Override
    public String actor() {
      return null;
    }
  }

  /**
   * Someone outside the response asked for an ETA or status in the war room and was answered
   * privately; {@code ts} is their message.
   */
  record StakeholderAsked(long incidentId, String actor, String ts, Instant at)
      implements IncidentEvent {}
}
