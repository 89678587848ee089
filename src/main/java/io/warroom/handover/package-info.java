/**
 * Command changing hands (SPEC section 13): a handover the IC offers with a note and the named
 * person must accept, a take-over someone confirms over the current IC, and the reminder that an
 * incident still has no IC. Changes go through {@link io.warroom.incident.IncidentService} and are
 * published as incident events in the same transaction; the war room and the timeline react to
 * those. {@link io.warroom.handover.BeingTried} fills in "what is being tried" from the hypothesis
 * board.
 */
package io.warroom.handover;
