package io.warroom.handover;

import io.warroom.hypothesis.Hypotheses;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;

/**
 * "What is being tried": the open hypotheses on the board (with who is checking them); when there
 * are none, the actions and next steps of the latest status update.
 */
@Singleton
class OpenWork implements BeingTried {

  private final Hypotheses hypotheses;
  private final LatestStatusUpdate latest;

  OpenWork(Hypotheses hypotheses, LatestStatusUpdate latest) {
    this.hypotheses = hypotheses;
    this.latest = latest;
  }

  @Override
  public List<String> lines(long incidentId) {
    List<String> open = hypotheses.openLines(incidentId);
    if (!open.isEmpty()) {
      return open;
    }
    List<String> lines = new ArrayList<>();
    latest
        .of(incidentId)
        .ifPresent(
            u -> {
              if (u.actionsTaken() != null) {
                lines.add("Done so far: " + u.actionsTaken());
              }
              if (u.nextSteps() != null) {
                lines.add("Next: " + u.nextSteps());
              }
              if (lines.isEmpty() && u.impact() != null) {
                lines.add("Latest update: " + u.impact());
              }
            });
    return lines;
  }
}
