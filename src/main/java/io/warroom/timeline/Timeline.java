package io.warroom.timeline;

import io.micronaut.transaction.annotation.ReadOnly;
import jakarta.inject.Singleton;
import java.util.List;

/** Reads an incident's timeline. */
@Singleton
public class Timeline {

  private final TimelineRepository entries;
  private final ParticipantRepository participants;

  Timeline(TimelineRepository entries, ParticipantRepository participants) {
    this.entries = entries;
    this.participants = participants;
  }

  /** Key events in order: decisions, notes, status changes and pinned messages. */
  @ReadOnly
  public List<TimelineEntry> keyEvents(long incidentId) {
    return entries.keyEvents(incidentId);
  }

  /** Up to {@code limit} entries after the entry with id {@code after}, in order. */
  @ReadOnly
  public List<TimelineEntry> page(long incidentId, long after, int limit) {
    return entries.page(incidentId, after, limit);
  }

  @ReadOnly
  public List<TimelineEntry> all(long incidentId) {
    return entries.all(incidentId);
  }

  @ReadOnly
  public long count(long incidentId) {
    return entries.countByIncidentId(incidentId);
  }

  @ReadOnly
  public List<Participant> participants(long incidentId) {
    return participants.findByIncident(incidentId);
  }
}
