package io.warroom.insights;

import java.time.Instant;
import java.util.List;

/**
 * Insights from month {@code from} to month {@code to}, both included (UTC, "yyyy-MM").
 *
 * @param rows per month, each severity with incidents and then "all"
 */
public record Report(
    String from, String to, Instant computedAt, List<Row> rows, List<NoiseRow> noise) {}
