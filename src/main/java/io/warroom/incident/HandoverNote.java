package io.warroom.incident;

import io.micronaut.core.annotation.Nullable;

/**
 * What an outgoing Incident Commander tells the next one: where things stand, what is being tried,
 * what comes next. Plain text as typed; escaped wherever it is shown.
 */
public record HandoverNote(String state, @Nullable String beingTried, @Nullable String nextSteps) {}
