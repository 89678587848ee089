package io.warroom.api;

import io.micronaut.core.annotation.Nullable;
import io.warroom.incident.Incident;
import io.warroom.incident.Role;
import java.time.Instant;

/** An incident as the REST API shows it. Times are ISO-8601 UTC. */
public record IncidentView(
    long id,
    String title,
    String severity,
    String status,
    boolean privateIncident,
    boolean drill,
    @Nullable String affected,
    @Nullable String channelId,
    @Nullable String channelName,
    String declaredBy,
    Roles roles,
    Instant declaredAt,
    @Nullable Instant mitigatedAt,
    @Nullable Instant resolvedAt,
    Instant detectedAt,
    long timeToDeclareSeconds) {

  /** Who holds each role (Slack user ids). */
  public record Roles(
      @Nullable String commander,
      @Nullable String comms,
      @Nullable String scribe,
      @Nullable String ops) {}

  /**
   * @param detectedAt the earliest start of its attached alerts, else its declaration (SPEC 11)
   */
  public static IncidentView of(
      Incident i, @Nullable String channelId, @Nullable String channelName, Instant detectedAt) {
    return new IncidentView(
        i.id(),
        i.title(),
        i.severity().name(),
        i.status().name().toLowerCase(java.util.Locale.ROOT),
        i.privateIncident(),
        i.drill(),
        i.affected(),
        channelId,
        channelName,
        i.declaredBy(),
        new Roles(
            i.holder(Role.COMMANDER).orElse(null),
            i.holder(Role.COMMS).orElse(null),
            i.holder(Role.SCRIBE).orElse(null),
            i.holder(Role.OPS).orElse(null)),
        i.declaredAt(),
        i.mitigatedAt(),
        i.resolvedAt(),
        detectedAt,
        java.time.Duration.between(detectedAt, i.declaredAt()).toSeconds());
  }
}
