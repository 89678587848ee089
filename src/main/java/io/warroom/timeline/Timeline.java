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

  /** The ids of {@link #page}, in the same order; cheap enough for tens of thousands. */
  @ReadOnly
  public List<Long> pageIds(long incidentId, long after, int limit) {
    return entries.pageIds(incidentId, after, limit);
  }

  /** These entries, in timeline order. */
  @ReadOnly
  public List<TimelineEntry> entries(List<Long> ids) {
    return ids.isEmpty() ? List.of() : entries.inOrder(ids);
  }

  /** Warroom's own entries (declared, roles, updates, reminders, …), oldest first; no messages. */
  @ReadOnly
  public List<TimelineEntry> events(long incidentId) {
    return entries.events(incidentId);
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

  /** Whether this person has written in the exploration thread: a responder, not a bystander. */
  @ReadOnly
  public boolean explored(long incidentId, String user) {
    return entries.existsByIncidentIdAndActorAndExplorationTrue(incidentId, user);
  }

  @ReadOnly
  public long count(long incidentId, EntryKind kind) {
    return entries.countByIncidentIdAndKind(incidentId, kind);
  }

  /** An incident's entries of some kinds, in time order. */
  public List<TimelineEntry> entries(long incidentId, java.util.Set<EntryKind> kinds) {
    return entries.findByIncidentIdAndKindInOrderByAt(incidentId, kinds);
  }

  /**
   * What and when (no text) of the entries of some kinds of many incidents, in time order (incident
   * ids in chunks of 500).
   */
  public List<KindAt> ofKinds(List<Long> incidentIds, java.util.Set<EntryKind> kinds) {
    List<KindAt> out = new java.util.ArrayList<>();
    for (int from = 0; from < incidentIds.size(); from += 500) {
      out.addAll(
          entries.findByIncidentIdInAndKindInOrderByAt(
              incidentIds.subList(from, Math.min(incidentIds.size(), from + 500)), kinds));
    }
    return out;
  }
}
