package io.warroom.incident;

/** The incident a declaration produced, and whether this request created it or found it. */
public record Declaration(Incident incident, boolean created) {}
