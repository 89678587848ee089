package io.warroom.heartbeat;

import io.warroom.incident.Severity;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * How often each severity must hear a status update, and how often due reminders are looked for.
 */
public record HeartbeatSettings(Map<Severity, Optional<Duration>> cadences, Duration tick) {

  public HeartbeatSettings {
    cadences = Map.copyOf(cadences);
  }

  /** The cadence of a severity; empty when reminders are off for it. */
  public Optional<Duration> cadence(Severity severity) {
    return cadences.getOrDefault(severity, Optional.empty());
  }
}
