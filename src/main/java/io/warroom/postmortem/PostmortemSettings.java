package io.warroom.postmortem;

import java.time.Duration;

/** When the postmortem review is due after resolution. */
public record PostmortemSettings(Duration reviewDue) {}
