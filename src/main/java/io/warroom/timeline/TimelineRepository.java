package io.warroom.timeline;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface TimelineRepository extends CrudRepository<TimelineEntry, Long> {

  /** Marks the messages already stored in this thread as exploration; how many it marked. */
  @Query(
      "UPDATE timeline_entry SET exploration = TRUE WHERE incident_id = :incidentId"
          + " AND thread_ts = :threadTs AND exploration = FALSE")
  int markExploration(long incidentId, String threadTs);

  /** Stores a message unless this channel and ts are already there; 1 when stored. */
  @Query(
      "INSERT INTO timeline_entry (incident_id, kind, at, actor, text, channel_id, ts, thread_ts,"
          + " exploration, key_event, pins, edited, deleted, data)"
          + " VALUES (:incidentId, 'MESSAGE', :at, :actor, :text, :channelId, :ts, :threadTs,"
          + " :exploration, FALSE, 0, FALSE, FALSE, :data) ON CONFLICT DO NOTHING")
  int insertMessage(
      long incidentId,
      Instant at,
      @Nullable String actor,
      String text,
      String channelId,
      String ts,
      @Nullable String threadTs,
      boolean exploration,
      @Nullable String data);

  /**
   * Stores a message already deleted, without its words, unless this channel and ts are there; a
   * message stored later under the same channel and ts is then refused by {@link #insertMessage}.
   */
  @Query(
      "INSERT INTO timeline_entry (incident_id, kind, at, actor, text, channel_id, ts, thread_ts,"
          + " exploration, key_event, pins, edited, deleted, deleted_at)"
          + " VALUES (:incidentId, 'MESSAGE', :at, :actor, NULL, :channelId, :ts, :threadTs,"
          + " :exploration, FALSE, 0, FALSE, TRUE, :deletedAt) ON CONFLICT DO NOTHING")
  int insertDeleted(
      long incidentId,
      Instant at,
      @Nullable String actor,
      String channelId,
      String ts,
      @Nullable String threadTs,
      boolean exploration,
      Instant deletedAt);

  @Query(
      "UPDATE timeline_entry SET text = :text, edited = TRUE, edited_at = :at"
          + " WHERE channel_id = :channelId AND ts = :ts AND deleted = FALSE")
  int edit(String channelId, String ts, String text, Instant at);

  /** Forgets a deleted message's words and files, keeping that something was said. */
  @Query(
      "UPDATE timeline_entry SET text = NULL, data = NULL, deleted = TRUE, deleted_at = :at,"
          + " key_event = FALSE, pins = 0 WHERE channel_id = :channelId AND ts = :ts")
  int delete(String channelId, String ts, Instant at);

  @Query(
      "UPDATE timeline_entry SET pins = pins + :delta,"
          + " key_event = (pins + :delta > 0 AND deleted = FALSE)"
          + " WHERE channel_id = :channelId AND ts = :ts AND (pins + :delta) >= 0")
  int pin(String channelId, String ts, int delta);

  Optional<TimelineEntry> findByChannelIdAndTs(String channelId, String ts);

  @Query(
      "SELECT * FROM timeline_entry WHERE incident_id = :incidentId AND id > :after"
          + " ORDER BY at, id LIMIT :limit")
  List<TimelineEntry> page(long incidentId, long after, int limit);

  @Query("SELECT * FROM timeline_entry WHERE incident_id = :incidentId ORDER BY at, id")
  List<TimelineEntry> all(long incidentId);

  /** Warroom's own entries, without the chat messages. */
  @Query(
      "SELECT * FROM timeline_entry WHERE incident_id = :incidentId AND kind <> 'MESSAGE'"
          + " ORDER BY at, id")
  List<TimelineEntry> events(long incidentId);

  /** The ids {@link #page} would return, without the entries' text. */
  @Query(
      "SELECT id FROM timeline_entry WHERE incident_id = :incidentId AND id > :after"
          + " ORDER BY at, id LIMIT :limit")
  List<Long> pageIds(long incidentId, long after, int limit);

  @Query("SELECT * FROM timeline_entry WHERE id IN (:ids) ORDER BY at, id")
  List<TimelineEntry> inOrder(List<Long> ids);

  @Query(
      "SELECT * FROM timeline_entry WHERE incident_id = :incidentId AND key_event = TRUE"
          + " ORDER BY at, id")
  List<TimelineEntry> keyEvents(long incidentId);

  long countByIncidentId(long incidentId);

  List<TimelineEntry> findByIncidentIdAndKindInOrderByAt(
      long incidentId, java.util.Collection<EntryKind> kind);

  List<KindAt> findByIncidentIdInAndKindInOrderByAt(
      java.util.Collection<Long> incidentId, java.util.Collection<EntryKind> kind);

  /** Whether this person has written in the incident's exploration thread. */
  boolean existsByIncidentIdAndActorAndExplorationTrue(long incidentId, String actor);

  /** How many entries of a kind the incident has. */
  long countByIncidentIdAndKind(long incidentId, EntryKind kind);
}
