package io.warroom.incident;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

/** A follow-up for the postmortem, owned by someone, tracked until done or dropped. */
@MappedEntity("action_item")
public record ActionItem(
    @Id @GeneratedValue @Nullable Long id,
    long incidentId,
    String text,
    @Nullable String owner,
    String createdBy,
    Instant createdAt,
    ActionStatus status,
    @Nullable String closedBy,
    @Nullable Instant closedAt,
    @Nullable Instant nextReminderAt) {

  public boolean isOpen() {
    return status == ActionStatus.OPEN;
  }
}
