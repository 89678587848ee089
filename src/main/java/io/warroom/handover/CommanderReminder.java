package io.warroom.handover;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

/**
 * When an incident without an IC is next reminded, and how many reminders it has had.
 *
 * @param nextDue {@code null} once no more reminders are owed
 */
@MappedEntity("commander_reminder")
record CommanderReminder(@Id Long incidentId, @Nullable Instant nextDue, int sent) {}
