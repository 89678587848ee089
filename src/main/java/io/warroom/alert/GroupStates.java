package io.warroom.alert;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Turns a notification into the state its group is in: summary from the {@code summary} annotation
 * (else {@code alertname}), the runbook, the firing count, the earliest start.
 */
@Singleton
class GroupStates {

  private static final ObjectMapper JSON = new ObjectMapper();
  private final SeverityRule severities;

  GroupStates(SeverityRule severities) {
    this.severities = severities;
  }

  GroupState of(Notification n, Instant acknowledgedAt) {
    List<Alert> alerts = n.alerts();
    List<Alert> firing = alerts.stream().filter(Alert::firing).toList();
    List<Alert> leading = firing.isEmpty() ? alerts : firing;
    String summary =
        first(leading, a -> a.annotations().get("summary"))
            .or(() -> Optional.ofNullable(n.commonAnnotations().get("summary")))
            .or(() -> first(leading, a -> a.labels().get("alertname")))
            .orElse(n.sourceKey());
    String runbook =
        first(leading, a -> a.annotations().get("runbook_url"))
            .orElse(n.commonAnnotations().get("runbook_url"));
    Instant started =
        alerts.stream()
            .map(Alert::startsAt)
            .filter(Objects::nonNull)
            .map(Instant::parse)
            .min(Comparator.naturalOrder())
            .map(t -> t.truncatedTo(ChronoUnit.MICROS))
            .orElse(null);
    return new GroupState(
        n.status(),
        severities.ofGroup(alerts),
        summary,
        runbook,
        first(leading, Alert::generatorURL).orElse(null),
        firing.size(),
        alerts.size(),
        started,
        acknowledgedAt,
        json(alerts));
  }

  private static Optional<String> first(List<Alert> alerts, Function<Alert, String> field) {
    return alerts.stream().map(field).filter(v -> v != null && !v.isBlank()).findFirst();
  }

  static String json(List<Alert> alerts) {
    try {
      return JSON.writeValueAsString(alerts);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("alerts could not be written as JSON", e);
    }
  }

  static List<Alert> alerts(String json) {
    try {
      return List.of(JSON.readValue(json, Alert[].class));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored alerts are not JSON", e);
    }
  }
}
