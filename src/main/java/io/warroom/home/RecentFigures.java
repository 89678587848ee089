package io.warroom.home;

import io.micronaut.context.annotation.Secondary;
import io.warroom.incident.Incident;
import io.warroom.incident.IncidentService;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The last 30 days, drills left out: how many incidents were declared, how many resolved, and the
 * median time from declaring to resolving of those resolved.
 */
@Singleton
@Secondary
public class RecentFigures implements HomeFigures {

  static final Duration WINDOW = Duration.ofDays(30);

  private final IncidentService incidents;
  private final Clock clock;

  RecentFigures(IncidentService incidents, Clock clock) {
    this.incidents = incidents;
    this.clock = clock;
  }

  @Override
  public List<String> lines() {
    Instant since = clock.instant().minus(WINDOW);
    return List.of(line(incidents.touchedSince(since), since));
  }

  /** The one line, from the incidents declared or resolved since {@code since}. */
  static String line(List<Incident> touched, Instant since) {
    long declared =
        touched.stream().filter(i -> !i.drill() && !i.declaredAt().isBefore(since)).count();
    long[] toResolve =
        touched.stream()
            .filter(i -> !i.drill() && i.resolvedAt() != null && !i.resolvedAt().isBefore(since))
            .mapToLong(i -> Duration.between(i.declaredAt(), i.resolvedAt()).toSeconds())
            .sorted()
            .toArray();
    String line =
        "Last 30 days: "
            + declared
            + (declared == 1 ? " incident" : " incidents")
            + " declared, "
            + toResolve.length
            + " resolved";
    if (toResolve.length > 0) {
      line += ", median time to resolve " + Durations.human(median(toResolve));
      line += " (of " + toResolve.length + ")";
    }
    return line + " · drills left out";
  }

  /** The median of sorted seconds: the middle one, or the mean of the two middle ones. */
  static long median(long[] sorted) {
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }
}
