package io.warroom.room;

import java.util.List;

/**
 * The alert groups attached to an incident, as lines for its card (mrkdwn, source text escaped).
 * Implemented where alerts live; the card only shows them.
 */
public interface CardAlerts {

  List<String> lines(long incidentId);
}
