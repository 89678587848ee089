package io.warroom.handover;

import io.warroom.chat.Mrkdwn;
import io.warroom.incident.Incident;
import io.warroom.room.CardLines;
import jakarta.inject.Singleton;
import java.util.List;

/** The card says a handover is pending until it is accepted or lapses. */
@Singleton
class PendingHandoverCardLine implements CardLines {

  private final Handovers handovers;

  PendingHandoverCardLine(Handovers handovers) {
    this.handovers = handovers;
  }

  @Override
  public List<String> lines(Incident incident) {
    if (!incident.isOpen()) {
      return List.of();
    }
    return handovers
        .pending(incident.id())
        .map(
            h ->
                List.of(
                    ":hourglass_flowing_sand: *Handover to "
                        + Mrkdwn.user(h.toUser())
                        + " pending:* "
                        + Mrkdwn.user(h.fromUser())
                        + " stays Incident Commander until they accept."))
        .orElse(List.of());
  }
}
