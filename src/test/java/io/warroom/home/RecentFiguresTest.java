package io.warroom.home;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.warroom.incident.Incident;
import io.warroom.incident.Severity;
import io.warroom.incident.Status;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("fast")
class RecentFiguresTest {

  private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");
  private static final Instant SINCE = NOW.minus(Duration.ofDays(30));

  private static Incident incident(long id, Instant declared, Duration toResolve, boolean drill) {
    Instant resolved = toResolve == null ? null : declared.plus(toResolve);
    return new Incident(
        id,
        "k" + id,
        "Incident " + id,
        null,
        Severity.SEV2,
        resolved == null ? Status.INVESTIGATING : Status.RESOLVED,
        false,
        drill,
        "U0ALICE",
        null,
        null,
        null,
        null,
        declared,
        null,
        resolved,
        0);
  }

  @Test
  void countsAndTheMedianLeaveDrillsAndOlderIncidentsOut() {
    List<Incident> touched =
        List.of(
            incident(1, NOW.minus(Duration.ofDays(2)), Duration.ofMinutes(30), false),
            incident(2, NOW.minus(Duration.ofDays(3)), Duration.ofMinutes(90), false),
            incident(3, NOW.minus(Duration.ofDays(4)), Duration.ofHours(5), false),
            incident(4, NOW.minus(Duration.ofDays(5)), null, false),
            // A drill: not counted at all.
            incident(5, NOW.minus(Duration.ofDays(1)), Duration.ofMinutes(1), true),
            // Declared before the window, resolved in it: resolved counts, declared does not.
            incident(6, NOW.minus(Duration.ofDays(31)), Duration.ofDays(2), false));
    // Resolved in the window: 30 min, 90 min, 5 h, 48 h; median = (90 min + 5 h) / 2 = 3 h 15 min.
    assertEquals(
        "Last 30 days: 4 incidents declared, 4 resolved, median time to resolve 3 h 15 min (of 4)"
            + " · drills left out",
        RecentFigures.line(touched, SINCE));
  }

  @Test
  void nothingResolvedHasNoMedian() {
    assertEquals(
        "Last 30 days: 1 incident declared, 0 resolved · drills left out",
        RecentFigures.line(List.of(incident(1, NOW.minusSeconds(60), null, false)), SINCE));
  }

  @Test
  void medianOfOddAndEvenCounts() {
    assertEquals(5, RecentFigures.median(new long[] {1, 5, 9}));
    assertEquals(6, RecentFigures.median(new long[] {1, 5, 7, 9}));
  }
}
