package io.warroom.origin;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

/** The message an incident was declared from. */
@MappedEntity("incident_origin")
record Origin(
    @Id long incidentId, String channelId, String messageTs, String permalink, Instant createdAt) {}
