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

  /**
   * Detected-at of many incidents at once, by incident id, with the rule of {@link #of}: the
   * earliest start of an attached alert when earlier than the declaration, else the declaration.
   */
  public java.util.Map<Long, Instant> detectedAt(List<Incident> incidents) {
    java.util.Map<Long, Instant> out = new java.util.HashMap<>();
    for (Incident i : incidents) {
      out.put(i.id(), i.declaredAt());
    }
    List<Long> ids = List.copyOf(out.keySet());
    for (int from = 0; from < ids.size(); from += CHUNK) {
      for (TriagedGroup g :
          groups.findByIncidentIdIn(ids.subList(from, Math.min(ids.size(), from + CHUNK)))) {
        Instant current = out.get(g.incidentId());
        if (g.startedAt() != null && current != null && g.startedAt().isBefore(current)) {
          out.put(g.incidentId(), g.startedAt());
        }
      }
    }
    return out;
  }

  /**
   * Alert groups judged noise from {@code from} (inclusive) to {@code to} (exclusive): when, and
   * the alert's name (its {@code alertname} label, else the group's summary).
   */
  public List<JudgedNoise> noiseJudged(Instant from, Instant to) {
    return groups.findByNoiseAtBetweenOrderByNoiseAt(from, to).stream()
        .filter(g -> g.noiseAt() != null && g.noiseAt().isBefore(to))
        .map(g -> new JudgedNoise(alertName(g), g.noiseAt()))
        .toList();
  }

  /** An alert group someone judged noise. */
  public record JudgedNoise(String alertName, Instant judgedAt) {}

  private static String alertName(TriagedGroup g) {
    try {
      return TriagePass.alerts(g.alerts()).stream()
          .map(a -> a.labels() == null ? null : a.labels().get("alertname"))
          .filter(java.util.Objects::nonNull)
          .findFirst()
          .orElse(g.summary());
    } catch (IllegalStateException notJson) {
      return g.summary();
    }
  }

  private static final int CHUNK = 500;
}
