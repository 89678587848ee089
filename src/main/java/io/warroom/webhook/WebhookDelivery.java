package io.warroom.webhook;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

/** One event for one endpoint, from the change that made it until it is delivered or given up. */
@MappedEntity("webhook_delivery")
record WebhookDelivery(
    @Id @GeneratedValue @Nullable Long id,
    String endpoint,
    long incidentId,
    String messageId,
    String type,
    String body,
    Instant createdAt,
    int attempts,
    Instant nextAttemptAt,
    @Nullable String leaseOwner,
    @Nullable Instant leaseUntil,
    @Nullable Instant doneAt,
    @Nullable String outcome,
    @Nullable String lastError) {}
