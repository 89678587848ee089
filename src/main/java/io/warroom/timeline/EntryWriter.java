package io.warroom.timeline;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.warroom.chat.Mrkdwn;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Saves the timeline's own entries (what Warroom records, as opposed to captured messages) and who
 * took part. Entry texts are Slack mrkdwn with user text escaped, so any text can be shown again in
 * Slack after {@link Mrkdwn#defuse}; details are JSON. Used by the listeners of incident events
 * ({@link IncidentEntries}, {@link WorkEntries}, {@link CommandEntries}) and by {@link
 * TimelineWriter}.
 */
@Singleton
class EntryWriter {

  private final TimelineRepository entries;
  private final ParticipantRepository participants;
  private final ObjectMapper json;

  EntryWriter(TimelineRepository entries, ParticipantRepository participants, ObjectMapper json) {
    this.entries = entries;
    this.participants = participants;
    this.json = json;
  }

  void add(long incidentId, EntryKind kind, Instant at, String actor, String text, String data) {
    entries.save(TimelineEntry.event(incidentId, kind, at, actor, text, data));
  }

  /** Counts {@code user} among the incident's participants; 1 when they are new. */
  int participant(long incidentId, String user, Instant at) {
    return participants.add(incidentId, user, at);
  }

  /** Pairs of name and value as a JSON object, nulls left out; null when nothing is left. */
  String details(Object... pairs) {
    Map<String, Object> data = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      if (pairs[i + 1] != null) {
        data.put((String) pairs[i], pairs[i + 1]);
      }
    }
    return data.isEmpty() ? null : write(data);
  }

  String write(Object value) {
    try {
      return json.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** ": how" with the text escaped, or nothing when none was given. */
  static String how(String text) {
    return text == null ? "" : ": " + Mrkdwn.escape(text);
  }
}
