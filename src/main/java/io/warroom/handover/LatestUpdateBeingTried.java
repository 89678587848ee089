package io.warroom.handover;

import io.micronaut.context.annotation.Secondary;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;

/**
 * "What is being tried" when no better source is present (the hypothesis board replaces this): the
 * actions and next steps of the latest status update.
 */
@Singleton
@Secondary
class LatestUpdateBeingTried implements BeingTried {

  private final LatestStatusUpdate latest;

  LatestUpdateBeingTried(LatestStatusUpdate latest) {
    this.latest = latest;
  }

  @Override
  public List<String> lines(long incidentId) {
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
