package io.warroom.hypothesis;

import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.ReadOnly;
import io.micronaut.transaction.annotation.Transactional;
import io.warroom.incident.Incident;
import io.warroom.incident.IncidentEvent;
import io.warroom.incident.IncidentEvent.HypothesisChanged.Change;
import io.warroom.incident.IncidentEvents;
import io.warroom.incident.IncidentRepository;
import io.warroom.incident.Refusal;
import io.warroom.room.delivery.RoomPosts;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Every change to the hypothesis board goes through here. Each one locks the incident's row, so
 * changes to one incident's board queue up, also across replicas: numbers are given out once, of
 * two people confirming at once one wins and the other is told, and the board is posted once and
 * then redrawn. Each change publishes a {@link IncidentEvent.HypothesisChanged} for the timeline
 * and queues a redraw of the board in the same transaction. What people may type is checked by
 * {@link HypothesisInput}.
 */
@Singleton
public class Hypotheses {

  /** A hypothesis is a sentence or two; the board shows dozens of them. */
  public static final int MAX_TEXT = 300;

  /** What a note on confirming or ruling out may hold. */
  public static final int MAX_NOTE = 500;

  private final HypothesisRepository hypotheses;
  private final IncidentRepository incidents;
  private final RoomPosts posts;
  private final IncidentEvents events;
  private final Clock clock;
  private final ApplicationEventPublisher<BoardKick.Redrawn> redraws;

  Hypotheses(
      HypothesisRepository hypotheses,
      IncidentRepository incidents,
      RoomPosts posts,
      IncidentEvents events,
      ApplicationEventPublisher<BoardKick.Redrawn> redraws,
      Clock clock) {
    this.redraws = redraws;
    this.hypotheses = hypotheses;
    this.incidents = incidents;
    this.posts = posts;
    this.events = events;
    this.clock = clock;
  }

  /** Raises a new hypothesis, numbered after the incident's last one. */
  @Transactional
  public Hypothesis raise(long incidentId, String text, @Nullable String link, String by) {
    String what = HypothesisInput.text(text);
    Incident incident = lock(incidentId);
    if (!incident.isOpen()) {
      throw new Refusal(
          "This incident is resolved, so its board takes no new hypotheses. `/incident reopen` if"
              + " the problem is back.");
    }
    Instant now = clock.instant();
    int number = hypotheses.lastNumber(incidentId) + 1;
    Hypothesis saved =
        hypotheses.save(
            new Hypothesis(
                null,
                incidentId,
                number,
                what,
                link,
                by,
                now,
                HypothesisState.OPEN,
                "",
                now,
                false,
                null,
                null,
                null));
    changed(saved, Change.RAISED, null, by, now);
    return saved;
  }

  /**
   * Links the chat message a hypothesis was tracked from, once its permalink is known (it is asked
   * for after the request was acknowledged).
   */
  @Transactional
  public void link(long hypothesisId, String link) {
    Hypothesis h = lockHypothesis(hypothesisId);
    if (link.length() <= 1000 && hypotheses.setLink(hypothesisId, link) == 1) {
      posts.redraw(h.incidentId(), HypothesisBoard.NAME);
      redraws.publishEvent(new BoardKick.Redrawn(h.incidentId()));
    }
  }

  /** The text of a chat message, cut to what a hypothesis may hold (marked with an ellipsis). */
  public static String fromMessage(String text) {
    String t = text == null ? "" : text.strip().replaceAll("\\s+", " ");
    return t.length() <= MAX_TEXT ? t : t.substring(0, MAX_TEXT - 1) + "…";
  }

  /** "I'll check": the presser becomes an owner, and an open hypothesis is being investigated. */
  @Transactional
  public Hypothesis check(long hypothesisId, String by) {
    Hypothesis h = lockHypothesis(hypothesisId);
    if (h.state().isSettled()) {
      throw new Refusal(settled(h) + " There is nothing left to check.");
    }
    if (h.ownerList().contains(by)) {
      throw new Refusal("You are already checking " + h.name() + ".");
    }
    Instant now = clock.instant();
    List<String> owners = new ArrayList<>(h.ownerList());
    owners.add(by);
    Hypothesis updated =
        hypotheses.update(
            new Hypothesis(
                h.id(),
                h.incidentId(),
                h.number(),
                h.text(),
                h.link(),
                h.raisedBy(),
                h.raisedAt(),
                HypothesisState.INVESTIGATING,
                String.join(",", owners),
                now,
                false,
                null,
                null,
                null));
    changed(updated, Change.CHECKING, null, by, now);
    return updated;
  }

  /** Confirms the named hypothesis ({@code H2}) of an incident. */
  @Transactional
  public Hypothesis confirm(long incidentId, String name, @Nullable String note, String by) {
    return settle(find(incidentId, name), HypothesisState.CONFIRMED, note, by);
  }

  /** Rules out the named hypothesis ({@code H2}) of an incident. */
  @Transactional
  public Hypothesis ruleOut(long incidentId, String name, @Nullable String note, String by) {
    return settle(find(incidentId, name), HypothesisState.RULED_OUT, note, by);
  }

  /** Confirms a hypothesis by its id (the board's button). */
  @Transactional
  public Hypothesis confirm(long hypothesisId, String by) {
    return settle(lockHypothesis(hypothesisId), HypothesisState.CONFIRMED, null, by);
  }

  /** Rules out a hypothesis by its id (the board's button). */
  @Transactional
  public Hypothesis ruleOut(long hypothesisId, String by) {
    return settle(lockHypothesis(hypothesisId), HypothesisState.RULED_OUT, null, by);
  }

  @ReadOnly
  public List<Hypothesis> all(long incidentId) {
    return hypotheses.findByIncident(incidentId);
  }

  /**
   * The incident's open hypotheses (open or being investigated) as plain-text lines for a form's
   * text field, e.g. {@code H2 (investigating, 2 people): the cache evicts too early}, for
   * pre-filling a handover note. Plain text: no mentions, nothing escaped.
   */
  @ReadOnly
  public List<String> openLines(long incidentId) {
    return hypotheses.findByIncident(incidentId).stream()
        .filter(h -> !h.state().isSettled())
        .map(
            h -> {
              int owners = h.ownerList().size();
              String state =
                  owners == 0
                      ? "open"
                      : "investigating" + (owners == 1 ? "" : ", " + owners + " people");
              return h.name() + " (" + state + "): " + h.text();
            })
        .toList();
  }

  private Hypothesis settle(Hypothesis h, HypothesisState to, @Nullable String note, String by) {
    String why = HypothesisInput.note(note);
    if (h.state() == to) {
      throw new Refusal(settled(h));
    }
    if (h.state().isSettled()) {
      throw new Refusal(
          settled(h)
              + " It cannot also be "
              + to.label()
              + "; if the evidence changed, raise a new hypothesis: `/incident hypothesis <text>`.");
    }
    Instant now = clock.instant();
    Hypothesis updated =
        hypotheses.update(
            new Hypothesis(
                h.id(),
                h.incidentId(),
                h.number(),
                h.text(),
                h.link(),
                h.raisedBy(),
                h.raisedAt(),
                to,
                h.owners(),
                now,
                false,
                by,
                now,
                why));
    changed(
        updated,
        to == HypothesisState.CONFIRMED ? Change.CONFIRMED : Change.RULED_OUT,
        why,
        by,
        now);
    return updated;
  }

  private static String settled(Hypothesis h) {
    return h.name() + " was already " + h.state().label() + " by <@" + h.closedBy() + ">.";
  }

  private void changed(Hypothesis h, Change change, @Nullable String note, String by, Instant at) {
    events.publish(
        new IncidentEvent.HypothesisChanged(
            h.incidentId(), h.number(), h.text(), change, h.link(), note, by, at));
    posts.redraw(h.incidentId(), HypothesisBoard.NAME);
  }

  /** The named hypothesis, with its incident locked. */
  private Hypothesis find(long incidentId, String name) {
    int number = HypothesisInput.number(name);
    lock(incidentId);
    return hypotheses
        .findByIncidentIdAndNumber(incidentId, number)
        .orElseThrow(
            () ->
                new Refusal(
                    "There is no H"
                        + number
                        + " in this incident. `/incident hypotheses` lists its hypotheses."));
  }

  /** The hypothesis, read again after its incident was locked. */
  private Hypothesis lockHypothesis(long hypothesisId) {
    Hypothesis h =
        hypotheses
            .findById(hypothesisId)
            .orElseThrow(() -> new Refusal("That hypothesis no longer exists."));
    lock(h.incidentId());
    return hypotheses.findById(hypothesisId).orElseThrow();
  }

  private Incident lock(long incidentId) {
    return incidents
        .findByIdForUpdate(incidentId)
        .orElseThrow(() -> new Refusal("That incident no longer exists."));
  }
}
