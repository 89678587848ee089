package io.warroom.insights;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.warroom.incident.Incident;
import io.warroom.incident.Severity;
import io.warroom.incident.Status;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** App Home's "last 30 days" line, worked out by hand. */
@Tag("fast")
class HomeInsightsTest {

  private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");
  private static final Instant SINCE = NOW.minus(Duration.ofDays(30));

  private static Incident incident(
      long id, Instant declared, Duration toResolve, boolean drill, boolean hidden) {
    Instant resolved = toResolve == null ? null : declared.plus(toResolve);
    return new Incident(
        id,
        "k" + id,
        "Incident " + id,
        null,
        Severity.SEV2,
        resolved == null ? Status.INVESTIGATING : Status.RESOLVED,
        hidden,
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
  void countsAndPercentilesLeaveDrillsPrivateAndOlderIncidentsOut() {
    List<Incident> touched =
        List.of(
            incident(1, NOW.minus(Duration.ofDays(2)), Duration.ofMinutes(30), false, false),
            incident(2, NOW.minus(Duration.ofDays(3)), Duration.ofMinutes(90), false, false),
            incident(3, NOW.minus(Duration.ofDays(4)), Duration.ofHours(5), false, false),
            incident(4, NOW.minus(Duration.ofDays(5)), null, false, false),
            // A drill and a private incident: not counted at all.
            incident(5, NOW.minus(Duration.ofDays(1)), Duration.ofMinutes(1), true, false),
            incident(7, NOW.minus(Duration.ofDays(1)), Duration.ofMinutes(2), false, true),
            // Declared before the window, resolved in it: resolved counts, declared does not.
            incident(6, NOW.minus(Duration.ofDays(31)), Duration.ofDays(2), false, false));
    // Incident 2's alert fired 30 min before it was declared: 2 h from detection to resolution.
    Map<Long, Instant> detected = Map.of(2L, NOW.minus(Duration.ofDays(3)).minusSeconds(1800));
    // Resolved in the window: 30 min, 2 h, 5 h, 48 h. Nearest rank: median = rank 2 = 2 h,
    // p90 = rank ceil(3.6) = 4 = 48 h.
    assertEquals(
        "Last 30 days: 4 incidents declared, 4 resolved, time to resolve median 2 h, p90 2 d"
            + " (of 4) · drills and private incidents left out",
        HomeInsights.line(touched, detected, SINCE));
  }

  @Test
  void nothingResolvedHasNoFigure() {
    assertEquals(
        "Last 30 days: 1 incident declared, 0 resolved · drills and private incidents left out",
        HomeInsights.line(
            List.of(incident(1, NOW.minusSeconds(60), null, false, false)), Map.of(), SINCE));
  }
}
