package io.warroom.incident;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

/** Work the Incident Commander delegated to someone. */
@MappedEntity("task")
public record Task(
    @Id @GeneratedValue @Nullable Long id,
    long incidentId,
    String assignee,
    String text,
    String createdBy,
    Instant createdAt,
    @Nullable String doneBy,
    @Nullable Instant doneAt) {

  public boolean isDone() {
    return doneAt != null;
  }
}
