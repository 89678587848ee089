package io.warroom.handover;

import java.time.Duration;
import java.util.Optional;

/**
 * How long an incident may go without an Incident Commander before the war room is asked for one
 * ({@code WARROOM_IC_REMINDER}); empty when the reminder is off.
 */
public record CommanderSettings(Optional<Duration> reminder) {

  /** Reminders per incident, each one interval after the last. */
  public static final int REMINDERS = 3;
}
