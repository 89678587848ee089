package io.warroom.timeline;

import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

/** A :pushpin: added ({@code +1}) or taken off ({@code -1}) before its message was stored. */
@MappedEntity("early_pin")
record EarlyPin(
    @Id @GeneratedValue Long id, String channelId, String ts, int delta, Instant receivedAt) {}
