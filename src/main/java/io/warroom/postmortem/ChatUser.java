package io.warroom.postmortem;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

/** A cached display name. */
@MappedEntity("chat_user")
record ChatUser(@Id String userId, String name, Instant fetchedAt) {}
