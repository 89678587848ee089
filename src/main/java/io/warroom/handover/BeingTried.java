package io.warroom.handover;

import java.util.List;

/**
 * What the responders of an incident are trying now, one line each, to pre-fill the "what is being
 * tried" part of a handover note: {@link OpenWork} gives the open hypotheses, else the latest
 * status update.
 */
public interface BeingTried {

  /** Lines as plain text (not escaped); empty when nothing is known. */
  List<String> lines(long incidentId);
}
