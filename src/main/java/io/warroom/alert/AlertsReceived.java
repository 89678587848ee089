package io.warroom.alert;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Singleton;
import java.util.Locale;

/**
 * {@code warroom_alerts_received_total{source,outcome}}: every notification an alert endpoint
 * answered, by what became of it (created, updated, unchanged, ignored, unauthorized, bad_request,
 * failed). A body over 1 MB is refused by the server before it reaches here.
 */
@Singleton
class AlertsReceived {

  private final MeterRegistry meters;

  AlertsReceived(MeterRegistry meters) {
    this.meters = meters;
  }

  void count(AlertSource source, String outcome) {
    meters
        .counter("warroom.alerts.received", "source", source.key(), "outcome", outcome)
        .increment();
  }

  void count(AlertSource source, AlertGroups.Outcome outcome) {
    count(source, outcome.name().toLowerCase(Locale.ROOT));
  }
}
