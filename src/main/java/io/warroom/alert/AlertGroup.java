package io.warroom.alert;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

/**
 * An alert group as last notified: one row per source and source key. {@code alerts} is the JSON
 * list of {@link Alert}s; {@code severity} is {@code SEV1}…{@code SEV4}.
 */
@MappedEntity("alert_group")
public record AlertGroup(
    @Id @GeneratedValue @Nullable Long id,
    String source,
    String sourceKey,
    String status,
    String severity,
    String summary,
    @Nullable String runbookUrl,
    @Nullable String generatorUrl,
    int firingCount,
    int alertCount,
    @Nullable Instant startedAt,
    @Nullable Instant acknowledgedAt,
    String alerts,
    String contentHash,
    Instant receivedAt,
    Instant updatedAt) {

  public boolean firing() {
    return "firing".equals(status);
  }

  /** This group carrying a new state, first received when it was. */
  AlertGroup with(GroupState state, Instant now) {
    return new AlertGroup(
        id,
        source,
        sourceKey,
        state.status(),
        state.severity().name(),
        state.summary(),
        state.runbookUrl(),
        state.generatorUrl(),
        state.firingCount(),
        state.alertCount(),
        state.startedAt(),
        state.acknowledgedAt(),
        state.alertsJson(),
        state.hash(),
        receivedAt,
        now);
  }
}
