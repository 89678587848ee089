package io.warroom.insights;

import io.warroom.home.Durations;
import io.warroom.home.HomeFigures;
import io.warroom.incident.Incident;
import io.warroom.incident.IncidentService;
import io.warroom.triage.Detections;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * App Home's "last 30 days" line, by the insights' own rules (docs/insights.md), so that Home and
 * the insights page never disagree: drills and private incidents left out, time to resolve from
 * detection, nearest-rank median and 90th percentile with the number of incidents behind them.
 */
@Singleton
class HomeInsights implements HomeFigures {

  static final Duration WINDOW = Duration.ofDays(30);

  private final IncidentService incidents;
  private final Detections detections;
  private final Clock clock;

  HomeInsights(IncidentService incidents, Detections detections, Clock clock) {
    this.incidents = incidents;
    this.detections = detections;
    this.clock = clock;
  }

  @Override
  public List<String> lines() {
    Instant since = clock.instant().minus(WINDOW);
    List<Incident> counted = counted(incidents.touchedSince(since));
    return List.of(line(counted, detections.detectedAt(counted), since));
  }

  private static List<Incident> counted(List<Incident> touched) {
    return touched.stream().filter(i -> !i.drill() && !i.privateIncident()).toList();
  }

  /** The line for the incidents declared or resolved since {@code since}. */
  static String line(List<Incident> touched, Map<Long, Instant> detected, Instant since) {
    List<Incident> counted = counted(touched);
    long declared = counted.stream().filter(i -> !i.declaredAt().isBefore(since)).count();
    List<Long> toResolve =
        counted.stream()
            .filter(i -> i.resolvedAt() != null && !i.resolvedAt().isBefore(since))
            .map(
                i ->
                    Duration.between(detected.getOrDefault(i.id(), i.declaredAt()), i.resolvedAt())
                        .toSeconds())
            .sorted()
            .toList();
    StringBuilder line =
        new StringBuilder("Last 30 days: ")
            .append(declared)
            .append(declared == 1 ? " incident" : " incidents")
            .append(" declared, ")
            .append(toResolve.size())
            .append(" resolved");
    Figure figure = Figure.of(toResolve);
    if (figure.medianSeconds() != null) {
      line.append(", time to resolve median ")
          .append(Durations.human(figure.medianSeconds()))
          .append(", p90 ")
          .append(Durations.human(figure.p90Seconds()))
          .append(" (of ")
          .append(figure.incidents())
          .append(")");
    }
    return line.append(" · drills and private incidents left out").toString();
  }
}
