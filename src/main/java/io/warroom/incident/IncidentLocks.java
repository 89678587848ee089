package io.warroom.incident;

import jakarta.inject.Singleton;

/**
 * The one way a change starts: lock the incident's row for the rest of the transaction, so changes
 * to one incident queue up, and finish its declaration's intake first if it is still pending, so
 * the timeline and the war room hear of the declaration before anything else.
 */
@Singleton
class IncidentLocks {

  private final IncidentRepository incidents;
  private final DeclarationIntake intake;

  IncidentLocks(IncidentRepository incidents, DeclarationIntake intake) {
    this.incidents = incidents;
    this.intake = intake;
  }

  /** The incident, locked; refuses when it does not exist. Call inside a transaction. */
  Incident lock(long incidentId) {
    Incident incident =
        incidents
            .findByIdForUpdate(incidentId)
            .orElseThrow(() -> new Refusal("That incident no longer exists."));
    intake.finish(incident);
    return incident;
  }
}
