package io.warroom.triage;

import io.warroom.incident.Incident;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * SPEC section 11, detection: an incident's detected-at is the earliest {@code startsAt} of its
 * attached alerts, never later than its declaration (an alert attached after the fact that began
 * later did not detect it); without attached alerts it is the declaration time.
 */
@Singleton
public class Detections {

  /** Noise judged this long before the declaration still belongs to the incident's story. */
  static final Duration NOISE_BEFORE = Duration.ofHours(1);

  private final TriageRepository groups;
  private final Clock clock;

  Detections(TriageRepository groups, Clock clock) {
    this.groups = groups;
    this.clock = clock;
  }

  public Detection of(Incident incident) {
    List<TriagedGroup> attached = groups.findByIncidentIdOrderById(incident.id());
    Instant detected = incident.declaredAt();
    for (TriagedGroup g : attached) {
      if (g.startedAt() != null && g.startedAt().isBefore(detected)) {
        detected = g.startedAt();
      }
    }
    Instant until = incident.resolvedAt() != null ? incident.resolvedAt() : clock.instant();
    List<TriagedGroup> noise =
        groups.findByNoiseAtBetweenOrderByNoiseAt(incident.declaredAt().minus(NOISE_BEFORE), until);
    return new Detection(
        detected,
        incident.declaredAt(),
        attached.stream()
            .sorted(
                java.util.Comparator.comparing(
                    TriagedGroup::startedAt,
                    java.util.Comparator.nullsLast(java.util.Comparator.naturalOrder())))
            .map(Detections::alert)
            .toList(),
        noise.stream().map(Detections::alert).toList());
  }

  private static Detection.Alert alert(TriagedGroup g) {
    return new Detection.Alert(
        g.id(),
        AlertCardView.source(g.source()),
        g.sev().label(),
        g.summary(),
        g.startedAt(),
        g.runbookUrl(),
        g.noiseBy(),
        g.noiseAt());
  }
}
