package io.warroom.timeline;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

/** A handled Events API delivery. */
@MappedEntity("processed_event")
record ProcessedEvent(@Id String eventId, Instant receivedAt) {}
