package io.warroom.alert;

import java.util.Locale;

/** Where an alert group came from; its {@link #key()} is stored and used as a metric tag. */
public enum AlertSource {
  ALERTMANAGER("Alertmanager"),
  GRAFANA("Grafana"),
  PAGERDUTY("PagerDuty");

  private final String displayName;

  AlertSource(String displayName) {
    this.displayName = displayName;
  }

  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  public String displayName() {
    return displayName;
  }
}
