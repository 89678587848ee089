package io.warroom.incident;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.MappedProperty;
import java.time.Instant;
import java.util.Optional;

/**
 * An incident as stored. Changes go through {@link IncidentService}, which bumps {@code revision}
 * so the war room knows its card and topic must be redrawn.
 */
@MappedEntity("incident")
public record Incident(
    @Id @GeneratedValue @Nullable Long id,
    String requestKey,
    String title,
    @Nullable String affected,
    Severity severity,
    Status status,
    @MappedProperty("is_private") boolean privateIncident,
    boolean drill,
    String declaredBy,
    @Nullable String commander,
    @Nullable String commsLead,
    @Nullable String scribe,
    @Nullable String opsLead,
    Instant declaredAt,
    @Nullable Instant mitigatedAt,
    @Nullable Instant resolvedAt,
    long revision) {

  /**
   * Whether a person declared it (a chat user id), not an alert source that declared it by itself
   * (then {@code declaredBy} is the source's name, e.g. "Alertmanager").
   */
  public boolean declaredByPerson() {
    return declaredBy.matches("[UW][A-Z0-9]{2,}");
  }

  /** Who holds a role, if anyone. */
  public Optional<String> holder(Role role) {
    return Optional.ofNullable(
        switch (role) {
          case COMMANDER -> commander;
          case COMMS -> commsLead;
          case SCRIBE -> scribe;
          case OPS -> opsLead;
        });
  }

  public boolean isOpen() {
    return status.isOpen();
  }

  Incident withRole(Role role, String userId) {
    return new Incident(
        id,
        requestKey,
        title,
        affected,
        severity,
        status,
        privateIncident,
        drill,
        declaredBy,
        role == Role.COMMANDER ? userId : commander,
        role == Role.COMMS ? userId : commsLead,
        role == Role.SCRIBE ? userId : scribe,
        role == Role.OPS ? userId : opsLead,
        declaredAt,
        mitigatedAt,
        resolvedAt,
        revision + 1);
  }

  Incident withSeverity(Severity newSeverity) {
    return new Incident(
        id,
        requestKey,
        title,
        affected,
        newSeverity,
        status,
        privateIncident,
        drill,
        declaredBy,
        commander,
        commsLead,
        scribe,
        opsLead,
        declaredAt,
        mitigatedAt,
        resolvedAt,
        revision + 1);
  }

  Incident withStatus(Status newStatus, @Nullable Instant mitigated, @Nullable Instant resolved) {
    return new Incident(
        id,
        requestKey,
        title,
        affected,
        severity,
        newStatus,
        privateIncident,
        drill,
        declaredBy,
        commander,
        commsLead,
        scribe,
        opsLead,
        declaredAt,
        mitigated,
        resolved,
        revision + 1);
  }
}
