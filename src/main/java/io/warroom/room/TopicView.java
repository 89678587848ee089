package io.warroom.room;

import io.warroom.chat.Mrkdwn;
import io.warroom.incident.Incident;

/** The channel topic: severity, status and IC at a glance, kept current like the card. */
public final class TopicView {

  /** Slack's limit for a channel topic. */
  static final int MAX = 250;

  private TopicView() {}

  public static String render(Incident incident) {
    String ic = incident.commander() == null ? "none yet" : Mrkdwn.user(incident.commander());
    String head =
        (incident.drill() ? "[DRILL] " : "")
            + incident.severity().label()
            + " | "
            + incident.status().label()
            + " | IC: "
            + ic
            + " | ";
    // Escaped first, then cut: escaping can make a title several times longer.
    return head + Mrkdwn.truncateFormatted(Mrkdwn.escape(incident.title()), MAX - head.length());
  }
}
