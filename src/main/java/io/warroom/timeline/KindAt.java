package io.warroom.timeline;

import io.micronaut.core.annotation.Introspected;
import java.time.Instant;

/** What a timeline entry is and when, without its text: for counting (insights). */
@Introspected
public record KindAt(long incidentId, EntryKind kind, Instant at) {}
