package io.warroom.heartbeat;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.warroom.incident.Severity;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** When the next status update is owed: what an update promised wins, then the cadence. */
@Tag("fast")
class NextUpdateDueTest {

  private static final Instant AT = Instant.parse("2026-12-06T14:00:00Z");
  private static final HeartbeatSettings SETTINGS =
      new HeartbeatSettings(
          Map.of(
              Severity.SEV1, Optional.of(Duration.ofMinutes(30)),
              Severity.SEV3, Optional.empty()),
          Duration.ofSeconds(10));

  @Test
  void withoutAPromiseTheSeveritysCadenceCountsFromTheUpdate() {
    assertEquals(
        Optional.of(AT.plus(Duration.ofMinutes(30))),
        NextUpdateDue.at(SETTINGS, Severity.SEV1, AT, null));
  }

  @Test
  void aPromisedTimeWinsOverTheCadence() {
    assertEquals(
        Optional.of(AT.plus(Duration.ofMinutes(10))),
        NextUpdateDue.at(SETTINGS, Severity.SEV1, AT, Duration.ofMinutes(10)));
  }

  @Test
  void aPromiseIsKeptEvenWhereRemindersAreOff() {
    assertEquals(
        Optional.of(AT.plus(Duration.ofHours(2))),
        NextUpdateDue.at(SETTINGS, Severity.SEV3, AT, Duration.ofHours(2)));
  }

  @Test
  void nothingIsOwedWhereRemindersAreOffAndNothingWasPromised() {
    assertEquals(Optional.empty(), NextUpdateDue.at(SETTINGS, Severity.SEV3, AT, null));
    assertEquals(Optional.empty(), NextUpdateDue.at(SETTINGS, Severity.SEV2, AT, null));
  }
}
