package io.warroom.incident;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import io.warroom.once.Once;
import io.warroom.once.OnceLedger;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Every change to an incident goes through here: it checks the request, stores the change and
 * publishes the {@link IncidentEvent} in one transaction. What texts may be is {@link
 * IncidentRules}'; declaring is {@link Declarations}' (then the {@link DeclarationIntake}'s); tasks
 * and action items have services of their own.
 */
@Singleton
public class IncidentService {

  private final IncidentRepository incidents;
  private final IncidentEvents events;
  private final Declarations declarations;
  private final ActionItemService actionItems;
  private final Clock clock;
  private final IncidentLocks locks;
  private final OnceLedger once;

  IncidentService(
      IncidentRepository incidents,
      IncidentEvents events,
      Declarations declarations,
      ActionItemService actionItems,
      IncidentLocks locks,
      OnceLedger once,
      Clock clock) {
    this.locks = locks;
    this.once = once;
    this.declarations = declarations;
    this.actionItems = actionItems;
    this.incidents = incidents;
    this.events = events;
    this.clock = clock;
  }

  /**
   * Declares an incident, or finds the one this request already declared (a Slack retry, a
   * double-clicked modal). Only the incident row is written before this returns, so the ack is fast
   * even when many are declared at once; what the declaration sets in motion is recorded just after
   * by the {@link DeclarationIntake}.
   */
  public Declaration declare(DeclareRequest request) {
    return declarations.declare(request);
  }

  /**
   * Locks the incident for a change another feature makes in the caller's transaction, after its
   * declaration's intake: what that change queues for the war room comes after the room's plan.
   */
  @Transactional
  public Incident lock(long incidentId) {
    return locks.lock(incidentId);
  }

  /** Gives a role to a user. Assigning the holder again changes nothing. */
  @Transactional
  public Incident assignRole(long incidentId, Role role, String userId, String by) {
    Incident incident = lockOpen(incidentId);
    Optional<String> previous = incident.holder(role);
    if (previous.isPresent() && previous.get().equals(userId)) {
      return incident;
    }
    Incident updated = incidents.update(incident.withRole(role, userId));
    events.publish(
        new IncidentEvent.RoleAssigned(
            incidentId, role, previous.orElse(null), userId, by, clock.instant()));
    return updated;
  }

  /** Changes the severity, and with it the heartbeat cadence. The same severity changes nothing. */
  @Transactional
  public Incident changeSeverity(long incidentId, Severity severity, String by) {
    Incident incident = lockOpen(incidentId);
    if (incident.severity() == severity) {
      return incident;
    }
    Incident updated = incidents.update(incident.withSeverity(severity));
    events.publish(
        new IncidentEvent.SeverityChanged(updated, incident.severity(), by, clock.instant()));
    return updated;
  }

  /** Posts a status update for stakeholders; the next one is owed after its promised time. */
  @Transactional
  public Incident postUpdate(long incidentId, StatusUpdate update, String by) {
    return postUpdate(incidentId, update, by, null);
  }

  /**
   * Like {@link #postUpdate(long, StatusUpdate, String)}, once per request key: the same request
   * again (a modal submitted anew after Slack gave up on the first answer) changes nothing.
   */
  @Transactional
  public Incident postUpdate(
      long incidentId, StatusUpdate update, String by, @Nullable String requestKey) {
    StatusUpdate clean = IncidentRules.check(update);
    Incident incident = lockOpen(incidentId);
    if (requestKey != null && !once.firstTime(Once.REQUEST, requestKey)) {
      return incident; // posted by the first submission
    }
    Status status = clean.status() != null ? clean.status() : incident.status();
    Incident updated = incidents.update(incident.withStatus(status, incident.mitigatedAt(), null));
    events.publish(new IncidentEvent.StatusUpdated(updated, clean, by, clock.instant()));
    return updated;
  }

  /** Records that impact has stopped: the time to mitigate. */
  @Transactional
  public Incident mitigate(long incidentId, String text, String by) {
    Incident incident = lockOpen(incidentId);
    if (incident.mitigatedAt() != null) {
      throw new Refusal(
          "Impact was already marked as stopped. Post news with `/incident update <text>`, or"
              + " `/incident resolve` when it is over.");
    }
    String how = IncidentRules.optionalText(text);
    Instant now = clock.instant();
    Incident updated = incidents.update(incident.withStatus(Status.MITIGATED, now, null));
    events.publish(new IncidentEvent.Mitigated(updated, how, by, now));
    return updated;
  }

  /** Resolves: reminders stop and the incident's follow-up starts. */
  @Transactional
  public Incident resolve(long incidentId, String text, String by) {
    Incident incident = lockOpen(incidentId);
    String how = IncidentRules.optionalText(text);
    Instant now = clock.instant();
    Incident updated =
        incidents.update(incident.withStatus(Status.RESOLVED, incident.mitigatedAt(), now));
    actionItems.followUp(incidentId, now.plus(ActionItemService.WEEKLY));
    events.publish(new IncidentEvent.Resolved(updated, how, by, now));
    return updated;
  }

  /** Reopens a resolved incident: the problem is back, so it is declared again. */
  @Transactional
  public Incident reopen(long incidentId, String by) {
    Incident incident = locks.lock(incidentId);
    if (incident.isOpen()) {
      throw new Refusal("This incident is not resolved, so there is nothing to reopen.");
    }
    Instant now = clock.instant();
    Incident updated =
        incidents.update(incident.withStatus(Status.INVESTIGATING, incident.mitigatedAt(), null));
    actionItems.followUp(incidentId, null);
    events.publish(new IncidentEvent.Reopened(updated, by, now));
    return updated;
  }

  /**
   * Tells the war room an update is overdue. The heartbeat calls this inside the transaction that
   * claimed the due time, so the reminder is recorded exactly once.
   */
  @Transactional
  public void remindUpdateDue(long incidentId, Instant dueAt, int missed, Instant lastUpdateAt) {
    incidents
        .findById(incidentId)
        .filter(Incident::isOpen)
        .ifPresent(
            incident ->
                events.publish(
                    new IncidentEvent.UpdateReminderDue(
                        incident, dueAt, missed, lastUpdateAt, clock.instant())));
  }

  /** Asks for the postmortem draft to be generated and posted again. */
  @Transactional
  public void requestPostmortem(long incidentId, String by) {
    locks.lock(incidentId);
    events.publish(new IncidentEvent.PostmortemRequested(incidentId, by, clock.instant()));
  }

  /** Writes a key event into the timeline; it is echoed in the war room. */
  @Transactional
  public void addNote(long incidentId, String text, String by) {
    String note = IncidentRules.requireText(text, "`/incident note Rolled back the 14:02 deploy`");
    locks.lock(incidentId);
    events.publish(new IncidentEvent.NoteAdded(incidentId, note, by, clock.instant()));
  }

  /**
   * Locks an open incident for a change another feature (a handover, a decision) records in the
   * caller's transaction; a resolved incident is refused.
   */
  @Transactional
  public Incident lockForChange(long incidentId) {
    return lockOpen(incidentId);
  }

  /**
   * Makes {@code userId} the Incident Commander at the end of a handover or take-over, which the
   * caller records as such (no {@link IncidentEvent.RoleAssigned}); card, topic and invitations
   * follow the new state.
   */
  @Transactional
  public Incident handCommandTo(long incidentId, String userId) {
    Incident incident = lockOpen(incidentId);
    return incidents.update(incident.withRole(Role.COMMANDER, userId));
  }

  /**
   * Something the card shows that is not a field of the incident changed (a handover became pending
   * or lapsed): the card and topic are redrawn.
   */
  @Transactional
  public Incident redraw(long incidentId) {
    Incident incident = locks.lock(incidentId);
    return incidents.update(incident.withSeverity(incident.severity()));
  }

  @Transactional
  public Optional<Incident> find(long incidentId) {
    return incidents.findById(incidentId);
  }

  /** Open incidents, newest first. */
  @Transactional
  public List<Incident> open() {
    return incidents.findByStatusNotEqualOrderByDeclaredAtDesc(Status.RESOLVED);
  }

  /** Resolved incidents, newest first. */
  @Transactional
  public List<Incident> resolved() {
    return incidents.findByStatusOrderByDeclaredAtDesc(Status.RESOLVED);
  }

  /**
   * Up to {@code limit} incidents declared before the one with id {@code before}, newest first:
   * open ones, resolved ones, or all when {@code open} is null.
   */
  @Transactional
  public List<Incident> page(@Nullable Boolean open, long before, int limit) {
    if (open == null) {
      return incidents.pageAll(before, limit);
    }
    return open ? incidents.pageOpen(before, limit) : incidents.pageResolved(before, limit);
  }

  /** Incidents declared or resolved at or after {@code since}, newest declared first. */
  @Transactional
  public List<Incident> touchedSince(Instant since) {
    return incidents.findTouchedSince(since);
  }

  /** The {@code limit} most recently resolved incidents, drills left out, newest first. */
  @Transactional
  public List<Incident> lastResolved(int limit) {
    return incidents.findLastResolved(limit);
  }

  /** Declared from {@code from} (inclusive) to {@code to} (exclusive), oldest first. */
  @Transactional
  public List<Incident> declaredBetween(Instant from, Instant to) {
    return incidents.findByDeclaredAtGreaterThanEqualsAndDeclaredAtLessThanOrderByDeclaredAt(
        from, to);
  }

  /** Every incident, newest first. */
  @Transactional
  public List<Incident> all() {
    return incidents.findAllOrderByDeclaredAtDesc();
  }

  /** Locks an incident that may still change; resolved ones only take notes and action items. */
  private Incident lockOpen(long incidentId) {
    Incident incident = locks.lock(incidentId);
    if (!incident.isOpen()) {
      throw new Refusal(
          "This incident is resolved, so it cannot change. Type `/incident reopen` first if the"
              + " problem is back.");
    }
    return incident;
  }
}
