package io.warroom.handover;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.annotation.Order;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.transaction.annotation.ReadOnly;
import io.micronaut.transaction.annotation.Transactional;
import io.warroom.chat.Mrkdwn;
import io.warroom.incident.EventOrder;
import io.warroom.incident.HandoverNote;
import io.warroom.incident.Incident;
import io.warroom.incident.IncidentEvent;
import io.warroom.incident.IncidentEvents;
import io.warroom.incident.IncidentRules;
import io.warroom.incident.IncidentService;
import io.warroom.incident.Refusal;
import io.warroom.incident.Role;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Handovers and take-overs. Command changes hands only when the person named accepts, or when
 * someone confirms a take-over; until then the IC stays IC. Every refusal changes nothing.
 */
@Singleton
public class Handovers {

  /** Each part of the note: one Slack section holds 3,000 characters, with room for its label. */
  public static final int MAX_FIELD = IncidentRules.MAX_TEXT;

  private final HandoverRepository handovers;
  private final IncidentService incidents;
  private final IncidentEvents events;
  private final Clock clock;

  Handovers(
      HandoverRepository handovers, IncidentService incidents, IncidentEvents events, Clock clock) {
    this.handovers = handovers;
    this.incidents = incidents;
    this.events = events;
    this.clock = clock;
  }

  /**
   * Whether {@code by} may hand command over to {@code to} now; refuses with what to do instead.
   * Checked before the Handover modal opens, and again when it is submitted.
   */
  @ReadOnly
  public Incident checkOffer(long incidentId, String by, String to) {
    Incident incident =
        incidents
            .find(incidentId)
            .orElseThrow(() -> new Refusal("That incident no longer exists."));
    return check(incident, by, to);
  }

  private static Incident check(Incident incident, String by, String to) {
    if (!incident.isOpen()) {
      throw new Refusal(
          "This incident is resolved, so there is no command to hand over. Type `/incident"
              + " reopen` first if the problem is back.");
    }
    if (incident.commander() == null) {
      throw new Refusal(
          "Nobody is the Incident Commander yet, so there is no command to hand over. Take it"
              + " with `/incident ic me`, or name someone with `/incident ic @user`.");
    }
    if (!incident.commander().equals(by)) {
      throw new Refusal(
          "Only the Incident Commander, "
              + Mrkdwn.user(incident.commander())
              + ", can hand over command. Ask them to run `/incident handoff`, or press *Take"
              + " command* on the incident card to take over.");
    }
    if (to.equals(by)) {
      throw new Refusal(
          "You are already the Incident Commander. Name the person who takes over: `/incident"
              + " handoff @bob`.");
    }
    return incident;
  }

  /**
   * The IC offers command to {@code to} with a note. A pending offer to someone else is withdrawn.
   * The same request again (a modal submitted twice) returns the first offer and changes nothing.
   */
  @Transactional
  public Handover offer(
      long incidentId, String by, String to, HandoverNote note, @Nullable String requestKey) {
    if (requestKey != null) {
      Optional<Handover> earlier = handovers.findByRequestKey(requestKey);
      if (earlier.isPresent()) {
        return earlier.get();
      }
    }
    HandoverNote clean = clean(note);
    Incident incident = check(incidents.lockForChange(incidentId), by, to);
    Instant now = clock.instant();
    withdrawPending(incidentId, "replaced by a handover to " + Mrkdwn.user(to), by, now);
    Handover saved =
        handovers.save(
            new Handover(
                null,
                incident.id(),
                Handover.Kind.HANDOVER,
                Handover.State.PENDING,
                by,
                to,
                by,
                clean.state(),
                clean.beingTried(),
                clean.nextSteps(),
                requestKey,
                now,
                null));
    events.publish(new IncidentEvent.HandoverOffered(incidentId, saved.id(), by, to, clean, now));
    incidents.redraw(incidentId);
    return saved;
  }

  /**
   * The person named accepts: they become the IC, and the note goes into the timeline. Anyone else,
   * a second press, or a handover that lapsed is refused.
   */
  @Transactional
  public Incident accept(long handoverId, String by) {
    Handover seen =
        handovers
            .findById(handoverId)
            .orElseThrow(() -> new Refusal("That handover no longer exists."));
    incidents.lockForChange(seen.incidentId());
    Handover h = handovers.findById(handoverId).orElseThrow();
    if (h.state() == Handover.State.DONE) {
      throw new Refusal(
          by.equals(h.toUser())
              ? "You already accepted this handover: you are the Incident Commander."
              : Mrkdwn.user(h.toUser()) + " already accepted this handover.");
    }
    if (h.state() == Handover.State.WITHDRAWN) {
      throw new Refusal(
          "This handover was withdrawn, so it cannot be accepted. The incident card shows who is"
              + " the Incident Commander now.");
    }
    if (!by.equals(h.toUser())) {
      throw new Refusal(
          "Only "
              + Mrkdwn.user(h.toUser())
              + " can accept this handover. "
              + Mrkdwn.user(h.fromUser())
              + " stays the Incident Commander until they do.");
    }
    Instant now = clock.instant();
    handovers.update(h.closed(Handover.State.DONE, now));
    Incident updated = incidents.handCommandTo(h.incidentId(), by);
    events.publish(
        new IncidentEvent.CommandChanged(
            updated, h.id(), h.fromUser(), by, h.note(), false, by, now));
    return updated;
  }

  /**
   * {@code by} confirmed taking command from {@code expectedIc} for {@code to} (usually
   * themselves). When nobody is IC it is a plain assignment; when someone other than the IC they
   * saw holds it now, nothing changes and they are asked to look again.
   */
  @Transactional
  public Incident takeOver(long incidentId, @Nullable String expectedIc, String to, String by) {
    Incident incident = incidents.lockForChange(incidentId);
    String current = incident.commander();
    if (current == null) {
      return incidents.assignRole(incidentId, Role.COMMANDER, to, by);
    }
    if (current.equals(to)) {
      throw new Refusal(
          (to.equals(by) ? "You are" : Mrkdwn.user(to) + " is")
              + " already the Incident Commander; nothing changed.");
    }
    if (!current.equals(expectedIc)) {
      throw new Refusal(
          Mrkdwn.user(current)
              + " is the Incident Commander now. To take over from them, press *Take command*"
              + " again and confirm; they will be told.");
    }
    Instant now = clock.instant();
    withdrawPending(incidentId, "command was taken over by " + Mrkdwn.user(to), by, now);
    Handover saved =
        handovers.save(
            new Handover(
                null,
                incidentId,
                Handover.Kind.TAKEOVER,
                Handover.State.DONE,
                current,
                to,
                by,
                null,
                null,
                null,
                null,
                now,
                now));
    Incident updated = incidents.handCommandTo(incidentId, to);
    events.publish(
        new IncidentEvent.CommandChanged(updated, saved.id(), current, to, null, true, by, now));
    return updated;
  }

  /** The handover waiting to be accepted, if any. */
  @ReadOnly
  public Optional<Handover> pending(long incidentId) {
    return handovers.findByIncidentIdAndState(incidentId, Handover.State.PENDING).stream()
        .findFirst();
  }

  /** Every handover and take-over of the incident, oldest first. */
  @ReadOnly
  public List<Handover> all(long incidentId) {
    return handovers.findByIncidentIdOrderById(incidentId);
  }

  /** Command was assigned directly ({@code /incident ic}): an offer still pending has lapsed. */
  @EventListener
  @Order(EventOrder.KNOCK_ON)
  void on(IncidentEvent.RoleAssigned assigned) {
    if (assigned.role() == Role.COMMANDER) {
      withdrawPending(
          assigned.incidentId(),
          Mrkdwn.user(assigned.assignee()) + " was made Incident Commander",
          assigned.actor(),
          assigned.at());
    }
  }

  private void withdrawPending(long incidentId, String reason, String by, Instant now) {
    for (Handover h : handovers.findByIncidentIdAndState(incidentId, Handover.State.PENDING)) {
      handovers.update(h.closed(Handover.State.WITHDRAWN, now));
      events.publish(
          new IncidentEvent.HandoverWithdrawn(
              incidentId, h.id(), h.fromUser(), h.toUser(), h.note(), reason, by, now));
    }
  }

  static HandoverNote clean(HandoverNote note) {
    String state = field(note.state(), "Current state");
    if (state == null) {
      throw new Refusal(
          "Say where things stand, for example: \"Checkout errors down to 2%; EU still failing.\"");
    }
    return new HandoverNote(
        state,
        field(note.beingTried(), "What is being tried"),
        field(note.nextSteps(), "Next steps"));
  }

  private static String field(String text, String name) {
    if (text == null || text.isBlank()) {
      return null;
    }
    String t = text.strip();
    if (t.length() > MAX_FIELD) {
      throw new Refusal(
          name + " is " + t.length() + " characters long; keep it to " + MAX_FIELD + " or fewer.");
    }
    return t;
  }
}
