package io.warroom.decision;

import io.micronaut.transaction.annotation.Transactional;
import io.warroom.incident.IncidentEvent;
import io.warroom.incident.IncidentEvents;
import io.warroom.incident.IncidentService;
import io.warroom.incident.Refusal;
import jakarta.inject.Singleton;
import java.time.Clock;

/** Records a decision: posted in the war room and kept in the timeline as a key event. */
@Singleton
public class Decisions {

  /**
   * A decision of up to 3,000 characters is taken whole: the post splits it over as many sections
   * as Slack's 3,000-character section limit needs once it is escaped.
   */
  public static final int MAX_TEXT = 3000;

  private final IncidentService incidents;
  private final IncidentEvents events;
  private final Clock clock;

  Decisions(IncidentService incidents, IncidentEvents events, Clock clock) {
    this.incidents = incidents;
    this.events = events;
    this.clock = clock;
  }

  /** Records {@code text} as decided by {@code by}; refuses empty or too long text. */
  @Transactional
  public void record(long incidentId, String text, String by) {
    String t = text == null ? "" : text.strip();
    if (t.isEmpty()) {
      throw new Refusal(
          "Say what was decided, for example: `/incident decision Roll back the 14:02 deploy now`");
    }
    if (t.length() > MAX_TEXT) {
      throw new Refusal(
          "That decision is "
              + t.length()
              + " characters long; keep it to "
              + MAX_TEXT
              + " or fewer and put the reasoning in the channel.");
    }
    incidents.lockForChange(incidentId);
    events.publish(new IncidentEvent.DecisionRecorded(incidentId, t, by, clock.instant()));
  }
}
