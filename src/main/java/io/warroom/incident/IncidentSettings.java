package io.warroom.incident;

/** Settings of the incident lifecycle. */
public record IncidentSettings(Severity defaultSeverity) {}
