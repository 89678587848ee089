package io.warroom.triage;

/** An alert group was attached to an incident (declared from it, by itself, or by a person). */
public record AlertAttached(long groupId, long incidentId) {}
