package io.warroom.incident;

import io.micronaut.core.annotation.Nullable;
import java.time.Instant;

/**
 * Something that happened to an incident. {@link IncidentService} publishes these inside the
 * transaction that made the change, so listeners (the timeline, the war room) write their rows
 * atomically with it; Slack hears about it only after commit.
 */
public sealed interface IncidentEvent {

  long incidentId();

  /** The Slack user who caused it; empty for Warroom's own doings. */
  @Nullable
  String actor();

  Instant at();

  record Declared(Incident incident, Instant at) implements IncidentEvent {
    @Override
    public long incidentId() {
      return incident.id();
    }

    @Override
    public String actor() {
      return incident.declaredBy();
    }
  }

  record RoleAssigned(
      long incidentId,
      Role role,
      @Nullable String previous,
      String assignee,
      String actor,
      Instant at)
      implements IncidentEvent {}

  /** A key event someone wrote down with {@code /incident note}. */
  record NoteAdded(long incidentId, String text, String actor, Instant at)
      implements IncidentEvent {}
}
