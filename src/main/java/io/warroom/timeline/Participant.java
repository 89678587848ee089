package io.warroom.timeline;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

/** Someone who took part in an incident, from when. */
@MappedEntity("participant")
public record Participant(long incidentId, @Id String userId, Instant joinedAt) {}
