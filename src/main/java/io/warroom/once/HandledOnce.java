package io.warroom.once;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

/**
 * An id handled once, by its kind's prefix and the id ({@code request:sig:v0=…}, {@code
 * event:Ev…}).
 */
@MappedEntity("handled_once")
record HandledOnce(@Id String onceKey, Instant handledAt) {}
