package io.warroom.review;

import io.micronaut.core.annotation.Nullable;
import io.warroom.incident.ActionItem;
import io.warroom.incident.Incident;
import java.time.Instant;
import java.util.List;

/**
 * One incident as the review tells it; a {@code null} time is a phase with no data.
 *
 * @param detectedAt when its first attached alert fired; {@code null} without alerts
 * @param alerts the attached alerts' names (source: summary), for what recurs
 * @param rightRaisedAt when the hypothesis that was confirmed was raised
 * @param updatesOnTime status updates posted before their reminder
 * @param updatesLate status updates posted after a reminder said one was overdue
 * @param handovers command handed over or taken over
 * @param stakeholderQuestions people who asked for a status in the war room
 */
public record ReviewedIncident(
    Incident incident,
    @Nullable Instant detectedAt,
    List<String> alerts,
    @Nullable Instant icNamedAt,
    @Nullable Instant firstHypothesisAt,
    @Nullable Instant rightRaisedAt,
    @Nullable Instant confirmedAt,
    int updatesOnTime,
    int updatesLate,
    int handovers,
    int stakeholderQuestions,
    List<ActionItem> actionItems) {}
