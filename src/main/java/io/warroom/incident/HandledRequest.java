package io.warroom.incident;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

/** A request that changed something once and must not change it again when Slack resends it. */
@MappedEntity("handled_request")
record HandledRequest(@Id String requestKey, Instant handledAt) {}
