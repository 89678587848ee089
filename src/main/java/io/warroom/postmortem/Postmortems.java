package io.warroom.postmortem;

import io.warroom.chat.ChatPort;
import io.warroom.incident.ActionItem;
import io.warroom.incident.ActionItemService;
import io.warroom.incident.Incident;
import io.warroom.incident.IncidentService;
import io.warroom.incident.Role;
import io.warroom.room.WarRooms;
import io.warroom.timeline.Participant;
import io.warroom.timeline.Timeline;
import io.warroom.timeline.TimelineEntry;
import io.warroom.triage.Detection;
import io.warroom.triage.Detections;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads what the draft is made of from the stores and renders it. */
@Singleton
public class Postmortems {

  private static final Pattern MENTION = Pattern.compile("<@([UW][A-Z0-9]+)(?:\\|[^>]*)?>");

  private final IncidentService incidents;
  private final Timeline timeline;
  private final ActionItemService actionItems;
  private final WarRooms rooms;
  private final ReviewRepository reviews;
  private final PostmortemSettings settings;
  private final UserNames names;
  private final ChatPort chat;
  private final Clock clock;
  private final Detections detections;
  private final com.fasterxml.jackson.databind.ObjectMapper json =
      new com.fasterxml.jackson.databind.ObjectMapper();

  Postmortems(
      IncidentService incidents,
      Timeline timeline,
      ActionItemService actionItems,
      WarRooms rooms,
      ReviewRepository reviews,
      PostmortemSettings settings,
      UserNames names,
      ChatPort chat,
      Clock clock,
      Detections detections) {
    this.detections = detections;
    this.incidents = incidents;
    this.timeline = timeline;
    this.actionItems = actionItems;
    this.rooms = rooms;
    this.reviews = reviews;
    this.settings = settings;
    this.names = names;
    this.chat = chat;
    this.clock = clock;
  }

  /** The draft for an incident, or empty when there is no such incident. */
  public Optional<String> draft(long incidentId) {
    return input(incidentId).map(PostmortemDraft::render);
  }

  /**
   * Reads the draft's ingredients. Not one read-only transaction: looking up names may fetch them
   * from the chat platform and cache them, which writes.
   */
  public Optional<PostmortemInput> input(long incidentId) {
    Optional<Incident> found = incidents.find(incidentId);
    if (found.isEmpty()) {
      return Optional.empty();
    }
    Incident incident = found.get();
    List<TimelineEntry> entries = timeline.all(incidentId);
    List<Participant> participants = timeline.participants(incidentId);
    List<ActionItem> items = actionItems.list(incidentId);
    Detection detection = detections.of(incident);
    Map<String, String> names = names(incident, entries, participants, items, detection);
    return Optional.of(
        new PostmortemInput(
            incident,
            rooms.channelNameOf(incidentId).orElse(null),
            entries,
            participants,
            items,
            names,
            e ->
                e.channelId() == null || e.ts() == null
                    ? null
                    : chat.permalink(e.channelId(), e.ts(), e.threadTs()),
            reviewDue(incident),
            clock.instant(),
            detection));
  }

  /** The review date: stored once resolved, else none. */
  Instant reviewDue(Incident incident) {
    if (incident.resolvedAt() == null) {
      return null;
    }
    return reviews
        .findById(incident.id())
        .map(Review::dueAt)
        .orElse(incident.resolvedAt().plus(settings.reviewDue()));
  }

  private Map<String, String> names(
      Incident incident,
      List<TimelineEntry> entries,
      List<Participant> participants,
      List<ActionItem> items,
      Detection detection) {
    Set<String> users = new HashSet<>();
    detection.noise().stream()
        .map(Detection.Alert::judgedBy)
        .filter(java.util.Objects::nonNull)
        .forEach(users::add);
    Map<String, String> bots = new HashMap<>();
    if (incident.declaredByPerson()) {
      users.add(incident.declaredBy());
    }
    for (Role role : Role.values()) {
      incident.holder(role).ifPresent(users::add);
    }
    participants.forEach(p -> users.add(p.userId()));
    items.forEach(
        i -> {
          users.add(i.createdBy());
          if (i.owner() != null) {
            users.add(i.owner());
          }
        });
    for (TimelineEntry e : entries) {
      if (e.deleted()) {
        continue;
      }
      String bot = botName(e);
      if (bot != null && e.actor() != null) {
        bots.put(e.actor(), bot);
      } else if (e.actor() != null) {
        users.add(e.actor());
      }
      if (e.text() != null && e.text().indexOf("<@") >= 0) {
        Matcher m = MENTION.matcher(e.text());
        while (m.find()) {
          users.add(m.group(1));
        }
      }
    }
    Map<String, String> all = new HashMap<>(names.of(users));
    all.putAll(bots);
    return all;
  }

  private String botName(TimelineEntry e) {
    if (e.data() == null || !e.data().contains("\"bot\"")) {
      return null;
    }
    try {
      return json.readTree(e.data()).path("bot").asText(null);
    } catch (IOException bad) {
      return null;
    }
  }
}
