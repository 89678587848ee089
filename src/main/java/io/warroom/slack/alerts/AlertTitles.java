package io.warroom.slack.alerts;

import io.warroom.chat.Mrkdwn;
import io.warroom.incident.IncidentRules;

/** An alert's summary as an incident title: one line, no longer than a title may be. */
final class AlertTitles {

  private AlertTitles() {}

  static String title(String summary) {
    String line = summary == null ? "" : summary.strip().replaceAll("\\s+", " ");
    return Mrkdwn.truncate(line, IncidentRules.MAX_TITLE);
  }
}
