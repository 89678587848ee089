package io.warroom.incident;

import io.micronaut.core.annotation.Nullable;

/**
 * What a declaration asks for, from the slash command or the Declare modal.
 *
 * @param requestKey identifies the Slack request (trigger or view), so a replay finds the same
 *     incident instead of declaring a second one
 * @param severity empty means the configured default
 */
public record DeclareRequest(
    String requestKey,
    String title,
    @Nullable Severity severity,
    @Nullable String affected,
    boolean privateIncident,
    boolean drill,
    String declaredBy,
    @Nullable String commander) {}
