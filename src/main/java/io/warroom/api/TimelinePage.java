package io.warroom.api;

import io.micronaut.core.annotation.Nullable;
import java.util.List;

/**
 * One page of a timeline.
 *
 * @param next the {@code after} value for the next page; {@code null} on the last page
 */
record TimelinePage(long incidentId, long total, List<EntryView> entries, @Nullable Long next) {}
