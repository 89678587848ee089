package io.warroom.handover;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.warroom.incident.HandoverNote;
import java.time.Instant;

/**
 * A handover offered (and perhaps accepted), or a take-over.
 *
 * @param decidedBy who offered the handover, or who confirmed the take-over
 * @param requestKey the modal submission that offered it, so a resubmission offers nothing new
 * @param closedAt when it was accepted, withdrawn, or (a take-over) happened
 */
@MappedEntity("handover")
public record Handover(
    @Id @GeneratedValue @Nullable Long id,
    long incidentId,
    Kind kind,
    State state,
    String fromUser,
    String toUser,
    String decidedBy,
    @Nullable String currentState,
    @Nullable String beingTried,
    @Nullable String nextSteps,
    @Nullable String requestKey,
    Instant offeredAt,
    @Nullable Instant closedAt) {

  /** How command changed hands. */
  public enum Kind {
    HANDOVER,
    TAKEOVER
  }

  /** Where a handover stands; a take-over is {@code DONE} at once. */
  public enum State {
    PENDING,
    DONE,
    WITHDRAWN
  }

  HandoverNote note() {
    return new HandoverNote(currentState, beingTried, nextSteps);
  }

  Handover closed(State newState, Instant at) {
    return new Handover(
        id,
        incidentId,
        kind,
        newState,
        fromUser,
        toUser,
        decidedBy,
        currentState,
        beingTried,
        nextSteps,
        requestKey,
        offeredAt,
        at);
  }
}
