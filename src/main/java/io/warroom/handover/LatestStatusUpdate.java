package io.warroom.handover;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.core.annotation.Nullable;
import io.warroom.timeline.EntryKind;
import io.warroom.timeline.Timeline;
import io.warroom.timeline.TimelineEntry;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The incident's latest status update as the timeline recorded it, in plain (unescaped) text. */
@Singleton
public class LatestStatusUpdate {

  /**
   * One status update.
   *
   * @param status the incident's status it reported, e.g. {@code Identified}
   */
  public record Update(
      Instant at,
      String by,
      @Nullable String status,
      @Nullable String impact,
      @Nullable String actionsTaken,
      @Nullable String nextSteps) {}

  private final Timeline timeline;
  private final ObjectMapper json;

  LatestStatusUpdate(Timeline timeline, ObjectMapper json) {
    this.timeline = timeline;
    this.json = json;
  }

  public Optional<Update> of(long incidentId) {
    List<TimelineEntry> key = timeline.keyEvents(incidentId);
    for (int i = key.size() - 1; i >= 0; i--) {
      TimelineEntry e = key.get(i);
      if (e.kind() == EntryKind.STATUS_UPDATE && !e.deleted() && e.data() != null) {
        try {
          JsonNode d = json.readTree(e.data());
          return Optional.of(
              new Update(
                  e.at(),
                  e.actor(),
                  text(d, "status"),
                  text(d, "impact"),
                  text(d, "actionsTaken"),
                  text(d, "nextSteps")));
        } catch (IOException unreadable) {
          return Optional.empty();
        }
      }
    }
    return Optional.empty();
  }

  private static String text(JsonNode d, String field) {
    JsonNode v = d.get(field);
    return v == null || v.isNull() || v.asText().isBlank() ? null : v.asText();
  }
}
