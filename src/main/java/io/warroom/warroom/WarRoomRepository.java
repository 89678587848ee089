package io.warroom.warroom;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface WarRoomRepository extends CrudRepository<WarRoom, Long> {

  Optional<WarRoom> findByChannelId(String channelId);

  /** Claims the room for one replica; 1 when this caller now holds the lease. */
  @Query(
      "UPDATE war_room SET lease_owner = :owner, lease_until = :until WHERE incident_id = :id"
          + " AND (lease_until IS NULL OR lease_until < :now OR lease_owner = :owner)")
  int claim(long id, String owner, Instant until, Instant now);

  @Query(
      "UPDATE war_room SET lease_owner = NULL, lease_until = NULL"
          + " WHERE incident_id = :id AND lease_owner = :owner")
  int release(long id, String owner);

  /**
   * Releases the room at shutdown with its retry due now, so the other replicas' frequent sweep
   * ({@link #findRetriesDue}) picks it up within a second.
   */
  @Query(
      "UPDATE war_room SET lease_owner = NULL, lease_until = NULL, retry_at = :now"
          + " WHERE incident_id = :id AND lease_owner = :owner")
  int handOver(long id, String owner, Instant now);

  /** Frees the leases a previous run of this same process (host and port) left behind. */
  @Query(
      "UPDATE war_room SET lease_owner = NULL, lease_until = NULL"
          + " WHERE lease_owner LIKE :prefix AND lease_owner <> :owner")
  int releaseStale(String prefix, String owner);

  /** Rooms with work to do whose back-off has passed and that nobody holds. */
  @Query(
      "SELECT w.incident_id FROM war_room w JOIN incident i ON i.id = w.incident_id"
          + " WHERE (w.retry_at IS NULL OR w.retry_at <= :now)"
          + " AND (w.lease_until IS NULL OR w.lease_until < :now)"
          + " AND (w.channel_id IS NULL OR w.synced_revision < i.revision"
          + " OR EXISTS (SELECT 1 FROM outbox o WHERE o.incident_id = w.incident_id"
          + " AND o.delivered_at IS NULL))")
  List<Long> findNeedingWork(Instant now);

  /**
   * Rooms whose back-off after a failure has passed and that nobody holds: what the frequent sweep
   * looks for. A failed pass leaves its work in place and sets {@code retry_at}; a pass that
   * succeeds clears it. Reads only the rows with a {@code retry_at} (index {@code war_room_retry}).
   */
  @Query(
      "SELECT incident_id FROM war_room WHERE retry_at <= :now"
          + " AND (lease_until IS NULL OR lease_until < :now)")
  List<Long> findRetriesDue(Instant now);

  /** 1 when this room has work: no channel yet, a card behind the incident, or queued posts. */
  @Query(
      "SELECT COUNT(*) FROM war_room w JOIN incident i ON i.id = w.incident_id"
          + " WHERE w.incident_id = :id"
          + " AND (w.channel_id IS NULL OR w.synced_revision < i.revision"
          + " OR EXISTS (SELECT 1 FROM outbox o WHERE o.incident_id = w.incident_id"
          + " AND o.delivered_at IS NULL))")
  int countWork(long id);

  @Query(
      "UPDATE war_room SET failures = 0, retry_at = NULL, last_error = NULL"
          + " WHERE incident_id = :id")
  void clearFailures(long id);

  @Query(
      "UPDATE war_room SET failures = failures + 1, retry_at = :retryAt, last_error = :error"
          + " WHERE incident_id = :id")
  void recordFailure(long id, Instant retryAt, @Nullable String error);

  @Query(
      "UPDATE war_room SET name_attempt = :attempt, create_started_at = :startedAt"
          + " WHERE incident_id = :id")
  void setNameAttempt(long id, int attempt, @Nullable Instant startedAt);

  @Query(
      "UPDATE war_room SET channel_id = :channelId, channel_name = :name, create_started_at = NULL"
          + " WHERE incident_id = :id")
  void setChannel(long id, String channelId, String name);

  @Query("UPDATE war_room SET invited = :invited WHERE incident_id = :id")
  void setInvited(long id, String invited);

  @Query("UPDATE war_room SET topic = :topic WHERE incident_id = :id")
  void setTopic(long id, String topic);

  @Query(
      "UPDATE war_room SET card_ts = :ts, synced_revision = :revision, card_pinned = FALSE"
          + " WHERE incident_id = :id")
  void setCard(long id, String ts, long revision);

  @Query("UPDATE war_room SET card_pinned = TRUE WHERE incident_id = :id")
  void setPinned(long id);

  @Query("UPDATE war_room SET synced_revision = :revision WHERE incident_id = :id")
  void setSyncedRevision(long id, long revision);

  @Query("UPDATE war_room SET thread_ts = :ts WHERE incident_id = :id")
  void setThread(long id, String ts);
}
