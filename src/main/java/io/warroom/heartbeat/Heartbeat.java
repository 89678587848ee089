package io.warroom.heartbeat;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

/**
 * When an open incident owes stakeholders its next status update.
 *
 * @param nextDue {@code null} when nothing is owed (resolved, or the cadence is off)
 * @param missed reminders sent since the last update
 */
@MappedEntity("heartbeat")
public record Heartbeat(
    @Id Long incidentId, @Nullable Instant nextDue, int missed, Instant lastUpdateAt) {}
