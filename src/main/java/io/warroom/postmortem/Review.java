package io.warroom.postmortem;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

/** When a resolved incident's postmortem review is due, and whether it was reminded. */
@MappedEntity("postmortem_review")
record Review(@Id Long incidentId, Instant dueAt, boolean reminded) {}
