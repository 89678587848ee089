package io.warroom.config;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

/** A Slack workspace a Warroom reached with this database, and when it first did. */
@MappedEntity("connected_workspace")
record ConnectedWorkspace(@Id String teamId, Instant connectedAt) {}
