package io.warroom.stakeholder;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import io.warroom.chat.Mrkdwn;
import io.warroom.handover.LatestStatusUpdate;
import io.warroom.heartbeat.Heartbeats;
import io.warroom.incident.Incident;
import io.warroom.incident.IncidentEvent;
import io.warroom.incident.IncidentEvents;
import io.warroom.incident.IncidentService;
import io.warroom.incident.Role;
import io.warroom.room.RoomRef;
import io.warroom.room.WarRooms;
import io.warroom.timeline.CapturedMessage;
import io.warroom.timeline.Timeline;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * Answers a bystander's "ETA?" privately and counts it. Responders are never answered: people with
 * a role, people who wrote in the exploration thread, bots; nor is anything in the exploration
 * thread, or in a resolved incident's channel.
 */
@Singleton
public class StakeholderQuestions {

  /** What to tell whom, privately, and where. */
  public record Answer(String channelId, @Nullable String threadTs, String userId, String text) {}

  private final WarRooms rooms;
  private final IncidentService incidents;
  private final Timeline timeline;
  private final LatestStatusUpdate latest;
  private final Heartbeats heartbeats;
  private final IncidentEvents events;
  private final Clock clock;

  StakeholderQuestions(
      WarRooms rooms,
      IncidentService incidents,
      Timeline timeline,
      LatestStatusUpdate latest,
      Heartbeats heartbeats,
      IncidentEvents events,
      Clock clock) {
    this.rooms = rooms;
    this.incidents = incidents;
    this.timeline = timeline;
    this.latest = latest;
    this.heartbeats = heartbeats;
    this.events = events;
    this.clock = clock;
  }

  /**
   * The private answer to a message just stored in a war room, if it is a bystander's status
   * question; the question is then counted in the timeline. Call once per message (after the
   * timeline stored it for the first time).
   */
  @Transactional
  public Optional<Answer> consider(CapturedMessage message, @Nullable String botUserId) {
    String user = message.author();
    if (user == null || user.equals(botUserId) || !isPerson(user)) {
      return Optional.empty();
    }
    Optional<RoomRef> room = rooms.room(message.channelId());
    if (room.isEmpty() || room.get().inExplorationThread(message.threadTs(), message.ts())) {
      return Optional.empty();
    }
    if (!StatusQuestion.asks(message.text())) {
      return Optional.empty();
    }
    long id = room.get().incidentId();
    Incident incident = incidents.find(id).orElse(null);
    if (incident == null || !incident.isOpen() || holdsARole(incident, user)) {
      return Optional.empty();
    }
    if (timeline.explored(id, user)) {
      return Optional.empty();
    }
    Instant now = clock.instant();
    events.publish(new IncidentEvent.StakeholderAsked(id, user, message.ts(), now));
    String thread =
        message.threadTs() != null && !message.threadTs().equals(message.ts())
            ? message.threadTs()
            : null;
    return Optional.of(new Answer(message.channelId(), thread, user, answer(incident)));
  }

  /** Slack user ids start with U or W; bots post under B ids. */
  private static boolean isPerson(String id) {
    return id.startsWith("U") || id.startsWith("W");
  }

  private static boolean holdsARole(Incident incident, String user) {
    for (Role role : Role.values()) {
      if (incident.holder(role).filter(user::equals).isPresent()) {
        return true;
      }
    }
    return false;
  }

  private String answer(Incident incident) {
    StringBuilder text =
        new StringBuilder(
            ":wave: The responders are heads-down on this incident, so here is the latest, just"
                + " for you.\n");
    Optional<LatestStatusUpdate.Update> update = latest.of(incident.id());
    if (update.isPresent()) {
      LatestStatusUpdate.Update u = update.get();
      text.append("*Latest status update* (")
          .append(Mrkdwn.date(u.at(), "{date_short_pretty} at {time}"))
          .append(")");
      if (u.status() != null) {
        text.append(": *").append(Mrkdwn.escape(u.status())).append('*');
      }
      text.append('\n');
      line(text, "Impact", u.impact());
      line(text, "Actions taken", u.actionsTaken());
      line(text, "Next steps", u.nextSteps());
    } else {
      text.append("No status update has been posted yet; the incident is *")
          .append(incident.status().label())
          .append("*.\n");
    }
    Optional<Instant> next = heartbeats.nextDue(incident.id());
    if (next.isPresent()) {
      text.append("*Next update due* ").append(Mrkdwn.date(next.get(), "{time}")).append('.');
    } else {
      text.append("No regular updates are scheduled at this severity.");
    }
    String contact =
        incident.commsLead() != null
            ? Mrkdwn.user(incident.commsLead()) + ", the communications lead"
            : incident.commander() != null
                ? Mrkdwn.user(incident.commander()) + ", the Incident Commander"
                : null;
    if (contact != null) {
      text.append(" For anything else, ask ").append(contact).append('.');
    }
    return text.toString();
  }

  private static void line(StringBuilder text, String label, String value) {
    if (value != null) {
      text.append('>')
          .append(label)
          .append(": ")
          .append(Mrkdwn.escape(Mrkdwn.truncate(value, 600)).replace("\n", "\n>"))
          .append('\n');
    }
  }
}
