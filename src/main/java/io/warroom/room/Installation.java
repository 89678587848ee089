package io.warroom.room;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

/** The one row that names this installation (see migration V10). */
@MappedEntity("installation")
record Installation(@Id Integer singleton, String id, Instant createdAt) {}
