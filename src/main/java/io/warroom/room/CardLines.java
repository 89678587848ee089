package io.warroom.room;

import io.warroom.incident.Incident;
import java.util.List;

/**
 * Lines another feature adds to the incident card (for example "handover to @x pending"), drawn at
 * every redraw. When what they show changes, the feature asks for a redraw through {@code
 * IncidentService.redraw}.
 */
public interface CardLines {

  /** Mrkdwn lines, user text already escaped; empty when there is nothing to show. */
  List<String> lines(Incident incident);
}
