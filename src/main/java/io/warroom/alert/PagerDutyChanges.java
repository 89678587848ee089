package io.warroom.alert;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * What a PagerDuty event does to its group: a trigger opens it (or re-opens a resolved one, or
 * refreshes an open one), an acknowledge marks it acknowledged, a resolve resolves its alert. An
 * acknowledge or resolve of an unknown key changes nothing, as PagerDuty drops it.
 */
@Singleton
class PagerDutyChanges {

  private final GroupStates states;
  private final Clock clock;

  PagerDutyChanges(GroupStates states, Clock clock) {
    this.states = states;
    this.clock = clock;
  }

  Function<Optional<AlertGroup>, Optional<GroupState>> of(PagerDutyEvent event) {
    return stored ->
        switch (event.action()) {
          case "trigger" -> Optional.of(triggered(event, stored));
          case "acknowledge" ->
              stored.map(
                  g ->
                      restated(
                          g, g.status(), g.acknowledgedAt() == null ? now() : g.acknowledgedAt()));
          default -> stored.map(g -> restated(g, "resolved", g.acknowledgedAt()));
        };
  }

  private GroupState triggered(PagerDutyEvent event, Optional<AlertGroup> stored) {
    Alert alert = event.alert();
    boolean open = stored.map(AlertGroup::firing).orElse(false);
    if (alert.startsAt() == null) {
      // No timestamp: the alert started with its first trigger (kept while it stays open).
      Instant since = open && stored.get().startedAt() != null ? stored.get().startedAt() : now();
      alert = withStatus(alert, "firing", since.toString());
    }
    Instant acknowledged = open ? stored.get().acknowledgedAt() : null;
    return states.of(notification(event.dedupKey(), "firing", List.of(alert)), acknowledged);
  }

  private GroupState restated(AlertGroup g, String status, Instant acknowledged) {
    List<Alert> alerts =
        GroupStates.alerts(g.alerts()).stream()
            .map(a -> "resolved".equals(status) ? withStatus(a, status, a.startsAt()) : a)
            .toList();
    return states.of(notification(g.sourceKey(), status, alerts), acknowledged);
  }

  private static Notification notification(String key, String status, List<Alert> alerts) {
    return new Notification(AlertSource.PAGERDUTY, key, status, alerts, Map.of());
  }

  private static Alert withStatus(Alert a, String status, String startsAt) {
    return new Alert(
        status,
        a.labels(),
        a.annotations(),
        startsAt,
        a.endsAt(),
        a.generatorURL(),
        a.fingerprint(),
        a.silenceURL(),
        a.dashboardURL());
  }

  /** Now, as precisely as the database keeps it, so that what is read back hashes the same. */
  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MICROS);
  }
}
