package io.warroom.triage;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.warroom.incident.Severity;
import java.time.Instant;

/**
 * An alert group as triage sees it: what the source last said and what people (or Warroom) did with
 * it. Read only; every change goes through a {@link TriageRepository} query.
 */
@MappedEntity("alert_group")
public record TriagedGroup(
    @Id Long id,
    String source,
    String status,
    String severity,
    String summary,
    @Nullable String runbookUrl,
    @Nullable String generatorUrl,
    int firingCount,
    int alertCount,
    @Nullable Instant startedAt,
    String alerts,
    Instant receivedAt,
    Instant updatedAt,
    long revision,
    @Nullable Long incidentId,
    @Nullable String attachKind,
    @Nullable String attachedBy,
    @Nullable Instant attachedAt,
    @Nullable String noiseBy,
    @Nullable Instant noiseAt,
    @Nullable String cardChannel,
    @Nullable String cardTs,
    long cardRevision,
    @Nullable Instant cardAttemptedAt,
    int cardFailures,
    @Nullable Instant roomLineAt,
    @Nullable String incidentStatus) {

  public static final String DECLARED = "declared";
  public static final String AUTO = "auto";
  public static final String ATTACHED = "attached";

  public boolean firing() {
    return "firing".equals(status);
  }

  public Severity sev() {
    return Severity.parse(severity).orElse(Severity.SEV4);
  }
}
