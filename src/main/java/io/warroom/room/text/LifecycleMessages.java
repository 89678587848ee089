package io.warroom.room.text;

import io.micronaut.core.annotation.Nullable;
import io.warroom.chat.ChatMessage;
import io.warroom.chat.Mrkdwn;
import io.warroom.heartbeat.HeartbeatSettings;
import io.warroom.incident.Incident;
import io.warroom.incident.IncidentEvent;
import io.warroom.room.Emoji;
import java.time.Duration;
import java.util.Optional;

/** What the war room and the announce channel hear when severity or status changes. */
public final class LifecycleMessages {

  private LifecycleMessages() {}

  public static ChatMessage severityChanged(
      IncidentEvent.SeverityChanged s, HeartbeatSettings heartbeat) {
    Optional<Duration> cadence = heartbeat.cadence(s.incident().severity());
    return ChatMessage.of(
        ":arrow_up_down: Severity changed *"
            + s.from().label()
            + " → "
            + s.incident().severity().label()
            + "* by "
            + Mrkdwn.user(s.actor())
            + ". "
            + cadence
                .map(c -> "Status updates are now due every " + minutes(c) + ".")
                .orElse("No status-update reminders at this severity."));
  }

  public static ChatMessage mitigated(IncidentEvent.Mitigated m) {
    return ChatMessage.of(
        ":adhesive_bandage: *Impact has stopped (mitigated)* — "
            + Mrkdwn.user(m.actor())
            + how(m.text())
            + ". Keep posting updates until it is resolved.");
  }

  public static ChatMessage resolved(IncidentEvent.Resolved r) {
    return ChatMessage.of(
        ":white_check_mark: *Resolved* by "
            + Mrkdwn.user(r.actor())
            + how(r.text())
            + ". Status-update reminders have stopped.");
  }

  public static ChatMessage reopened(IncidentEvent.Reopened r) {
    return ChatMessage.of(
        ":leftwards_arrow_with_hook: *Reopened* by "
            + Mrkdwn.user(r.actor())
            + ": the problem is back, so the incident is declared again. Status: Investigating.");
  }

  /** The stakeholder version of a change; nothing but the fact for a private incident. */
  public static ChatMessage mirror(
      Incident i, String what, @Nullable String text, String roomChannel) {
    if (i.privateIncident()) {
      return ChatMessage.of(":lock: A private incident " + what + ".");
    }
    return ChatMessage.of(
        Emoji.of(i.severity())
            + " *"
            + (i.drill() ? "[DRILL] " : "")
            + i.severity().label()
            + " · "
            + Mrkdwn.escape(Mrkdwn.truncate(i.title(), 150))
            + "* "
            + what
            + how(text)
            + " · "
            + Mrkdwn.channel(roomChannel));
  }

  private static String how(String text) {
    return text == null ? "" : ": " + Mrkdwn.escape(text);
  }

  static String minutes(Duration d) {
    long m = d.toMinutes();
    return m >= 1 ? m + " min" : d.toSeconds() + " s";
  }
}
