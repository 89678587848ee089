package io.warroom.incident;

import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.transaction.annotation.Transactional;
import io.warroom.ack.GroupCommit;
import io.warroom.once.Once;
import io.warroom.once.OnceLedger;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every change to an incident goes through here: it checks the request, stores the change and
 * publishes the {@link IncidentEvent} in one transaction.
 */
@Singleton
public class IncidentService {

  /** Slack's header block shows at most 150 characters; longer titles would be cut. */
  public static final int MAX_TITLE = 150;

  public static final int MAX_AFFECTED = 2000;

  /** Notes, updates and tasks: one Slack section holds 3,000 characters with room for a prefix. */
  public static final int MAX_TEXT = 2500;

  /**
   * How long a declaration waits for its commit. Slack shows the user an error at 3 s, and a user
   * who sees it declares again (a second incident); within this, the user is told what happened.
   * The rest of the 3 s is for the network and the request's other work.
   */
  static final Duration DECLARE_PATIENCE = Duration.ofMillis(1500);

  private static final Logger LOG = LoggerFactory.getLogger(IncidentService.class);

  private final IncidentRepository incidents;
  private final ApplicationEventPublisher<IncidentEvent> events;
  private final IncidentSettings settings;
  private final ActionItemService actionItems;
  private final Clock clock;
  private final GroupCommit groupCommit;
  private final DeclarationIntake intake;
  private final IncidentLocks locks;
  private final OnceLedger once;

  IncidentService(
      IncidentRepository incidents,
      ApplicationEventPublisher<IncidentEvent> events,
      IncidentSettings settings,
      ActionItemService actionItems,
      GroupCommit groupCommit,
      DeclarationIntake intake,
      IncidentLocks locks,
      OnceLedger once,
      Clock clock) {
    this.locks = locks;
    this.once = once;
    this.groupCommit = groupCommit;
    this.intake = intake;
    this.actionItems = actionItems;
    this.incidents = incidents;
    this.events = events;
    this.settings = settings;
    this.clock = clock;
  }

  /**
   * Declares an incident, or finds the one this request already declared (a Slack retry, a
   * double-clicked modal). Only the incident row is written before this returns, one insert in a
   * shared commit, so the ack is fast even when many are declared at once; what the declaration
   * sets in motion is recorded just after by the {@link DeclarationIntake}.
   */
  public Declaration declare(DeclareRequest request) {
    String title = cleanTitle(request.title());
    String affected = cleanAffected(request.affected());
    Declaration declaration;
    try {
      declaration = groupCommit.write(() -> insert(request, title, affected), DECLARE_PATIENCE);
    } catch (GroupCommit.TooLate late) {
      LOG.warn("A declaration was not stored in time: {}", late.getMessage());
      throw new Refusal(
          late.maybeWritten()
              ? "Warroom's database is slow: the incident may have been declared all the same."
                  + " Check `/incident list` in a minute before you declare it again."
              : "Warroom's database did not answer in time, so nothing was declared. Declare"
                  + " again in a moment; if it keeps failing, open a channel by hand and"
                  + " coordinate there.");
    } catch (DataAccessException e) {
      // The request key is unique: this is a replay of a stored declaration, or two deliveries of
      // one request raced and the other won. Either way, answer with the stored incident.
      return incidents
          .findByRequestKey(request.requestKey())
          .map(found -> new Declaration(found, false))
          .orElseThrow(() -> e);
    }
    intake.accept(declaration.incident().id());
    return declaration;
  }

  private Declaration insert(DeclareRequest request, String title, String affected) {
    Severity severity =
        request.severity() == null ? settings.defaultSeverity() : request.severity();
    Incident saved =
        incidents.save(
            new Incident(
                null,
                request.requestKey(),
                title,
                affected,
                severity,
                Status.INVESTIGATING,
                request.privateIncident(),
                request.drill(),
                request.declaredBy(),
                request.commander(),
                null,
                null,
                null,
                clock.instant(),
                null,
                null,
                0));
    return new Declaration(saved, true);
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
    events.publishEvent(
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
    events.publishEvent(
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
    StatusUpdate clean = check(update);
    Incident incident = lockOpen(incidentId);
    if (requestKey != null && !once.firstTime(Once.REQUEST, requestKey)) {
      return incident; // posted by the first submission
    }
    Status status = clean.status() != null ? clean.status() : incident.status();
    Incident updated = incidents.update(incident.withStatus(status, incident.mitigatedAt(), null));
    events.publishEvent(new IncidentEvent.StatusUpdated(updated, clean, by, clock.instant()));
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
    String how = optionalText(text);
    Instant now = clock.instant();
    Incident updated = incidents.update(incident.withStatus(Status.MITIGATED, now, null));
    events.publishEvent(new IncidentEvent.Mitigated(updated, how, by, now));
    return updated;
  }

  /** Resolves: reminders stop and the incident's follow-up starts. */
  @Transactional
  public Incident resolve(long incidentId, String text, String by) {
    Incident incident = lockOpen(incidentId);
    String how = optionalText(text);
    Instant now = clock.instant();
    Incident updated =
        incidents.update(incident.withStatus(Status.RESOLVED, incident.mitigatedAt(), now));
    actionItems.followUp(incidentId, now.plus(ActionItemService.WEEKLY));
    events.publishEvent(new IncidentEvent.Resolved(updated, how, by, now));
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
    events.publishEvent(new IncidentEvent.Reopened(updated, by, now));
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
                events.publishEvent(
                    new IncidentEvent.UpdateReminderDue(
                        incident, dueAt, missed, lastUpdateAt, clock.instant())));
  }

  /** Asks for the postmortem draft to be generated and posted again. */
  @Transactional
  public void requestPostmortem(long incidentId, String by) {
    locks.lock(incidentId);
    events.publishEvent(new IncidentEvent.PostmortemRequested(incidentId, by, clock.instant()));
  }

  /** Writes a key event into the timeline; it is echoed in the war room. */
  @Transactional
  public void addNote(long incidentId, String text, String by) {
    String note = requireText(text, "`/incident note Rolled back the 14:02 deploy`");
    locks.lock(incidentId);
    events.publishEvent(new IncidentEvent.NoteAdded(incidentId, note, by, clock.instant()));
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

  /** The longest "next update in" a status update may promise. */
  public static final Duration MAX_NEXT_UPDATE = Duration.ofHours(24);

  static StatusUpdate check(StatusUpdate update) {
    String impact = limit(update.impact(), "Impact");
    String actions = limit(update.actionsTaken(), "Actions taken");
    String next = limit(update.nextSteps(), "Next steps");
    if (impact == null && actions == null && next == null) {
      throw new Refusal(
          "Say what stakeholders should know, for example: `/incident update Checkout is failing"
              + " for EU card payments; rolling back the 14:02 deploy`");
    }
    Duration in = update.nextUpdateIn();
    if (in != null && (in.isNegative() || in.isZero() || in.compareTo(MAX_NEXT_UPDATE) > 0)) {
      throw new Refusal(
          "\"Next update in\" must be between 1 and 1440 minutes (24 hours); it was "
              + in.toMinutes()
              + ".");
    }
    return new StatusUpdate(update.status(), impact, actions, next, in);
  }

  private static String limit(String text, String field) {
    if (text == null || text.isBlank()) {
      return null;
    }
    String t = text.strip();
    if (t.length() > MAX_TEXT) {
      throw new Refusal(
          field + " is " + t.length() + " characters long; keep it to " + MAX_TEXT + " or fewer.");
    }
    return t;
  }

  private static String optionalText(String text) {
    return text == null || text.isBlank() ? null : limit(text, "The text");
  }

  /** Free text a command needs: present, and short enough to post. */
  static String requireText(String text, String example) {
    String t = text == null ? "" : text.strip();
    if (t.isEmpty()) {
      throw new Refusal("Add the text, for example: " + example);
    }
    if (t.length() > MAX_TEXT) {
      throw new Refusal(
          "That is " + t.length() + " characters long; keep it to " + MAX_TEXT + " or fewer.");
    }
    return t;
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

  /** What is wrong with a title, if anything; the same rule the declaration applies. */
  public static Optional<String> titleProblem(String raw) {
    String title = raw == null ? "" : raw.strip().replaceAll("\\s+", " ");
    if (title.isEmpty()) {
      return Optional.of(
          "Give the incident a title, for example: `/incident declare sev1 Payments API returning"
              + " 500s`");
    }
    if (title.length() > MAX_TITLE) {
      return Optional.of(
          "The title is "
              + title.length()
              + " characters long; keep it to "
              + MAX_TITLE
              + " or fewer and put the details in the war room once it is open.");
    }
    return Optional.empty();
  }

  /** What is wrong with a "what is affected" text, if anything. */
  public static Optional<String> affectedProblem(String raw) {
    if (raw != null && raw.strip().length() > MAX_AFFECTED) {
      return Optional.of(
          "\"What is affected\" is "
              + raw.strip().length()
              + " characters long; keep it to "
              + MAX_AFFECTED
              + " or fewer.");
    }
    return Optional.empty();
  }

  static String cleanTitle(String raw) {
    titleProblem(raw)
        .ifPresent(
            problem -> {
              throw new Refusal(problem);
            });
    return raw.strip().replaceAll("\\s+", " ");
  }

  static String cleanAffected(String raw) {
    affectedProblem(raw)
        .ifPresent(
            problem -> {
              throw new Refusal(problem);
            });
    return raw == null || raw.isBlank() ? null : raw.strip();
  }
}
