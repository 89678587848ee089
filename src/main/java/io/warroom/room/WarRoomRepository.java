package io.warroom.room;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface WarRoomRepository extends CrudRepository<WarRoom, Long> {

  Optional<WarRoom> findByChannelId(String channelId);

  /**
   * Claims a room nobody holds (or whose lease ran out, by the database's clock, the one clock all
   * replicas share) under a new generation; 1 when this caller now holds it. {@link #generation}
   * then reads the generation every write under this lease names.
   */
  @Query(
      "UPDATE war_room SET lease_owner = :owner, lease_generation = lease_generation + 1,"
          + " lease_until = CURRENT_TIMESTAMP + CAST(:leaseMillis AS BIGINT) * INTERVAL '0.001' SECOND"
          + " WHERE incident_id = :id"
          + " AND (lease_until IS NULL OR lease_until < CURRENT_TIMESTAMP)")
  int claim(long id, String owner, long leaseMillis);

  @Query("SELECT lease_generation FROM war_room WHERE incident_id = :id AND lease_owner = :owner")
  Optional<Long> generation(long id, String owner);

  /**
   * Extends a lease that is still this generation's; 0 when another replica has claimed the room
   * since. A lease that ran out but that nobody else claimed is still this holder's.
   */
  @Query(
      "UPDATE war_room SET lease_until = CURRENT_TIMESTAMP + CAST(:leaseMillis AS BIGINT) * INTERVAL '0.001' SECOND"
          + " WHERE incident_id = :id AND lease_generation = :generation")
  int renew(long id, long generation, long leaseMillis);

  @Query(
      "UPDATE war_room SET lease_owner = NULL, lease_until = NULL"
          + " WHERE incident_id = :id AND lease_generation = :generation")
  int release(long id, long generation);

  /**
   * Releases the room at shutdown with its retry due now, so the other replicas' frequent sweep
   * ({@link #findRetriesDue}) picks it up within a second.
   */
  @Query(
      "UPDATE war_room SET lease_owner = NULL, lease_until = NULL, retry_at = CURRENT_TIMESTAMP"
          + " WHERE incident_id = :id AND lease_generation = :generation")
  int handOver(long id, long generation);

  /** Frees the leases a previous run of this same process (node and port) left behind. */
  @Query(
      "UPDATE war_room SET lease_owner = NULL, lease_until = NULL"
          + " WHERE lease_owner LIKE :prefix AND lease_owner <> :owner")
  int releaseStale(String prefix, String owner);

  /** Rooms with work to do whose back-off has passed and that nobody holds. */
  @Query(
      "SELECT w.incident_id FROM war_room w JOIN incident i ON i.id = w.incident_id"
          + " WHERE (w.retry_at IS NULL OR w.retry_at <= CURRENT_TIMESTAMP)"
          + " AND (w.lease_until IS NULL OR w.lease_until < CURRENT_TIMESTAMP)"
          + " AND (w.channel_id IS NULL OR w.synced_revision < i.revision"
          + " OR EXISTS (SELECT 1 FROM outbox o WHERE o.incident_id = w.incident_id"
          + " AND o.delivered_at IS NULL))")
  List<Long> findNeedingWork();

  /**
   * Rooms whose back-off after a failure has passed and that nobody holds: what the frequent sweep
   * looks for. A failed pass leaves its work in place and sets {@code retry_at}; a pass that
   * succeeds clears it. Reads only the rows with a {@code retry_at} (index {@code war_room_retry}).
   * Both times are the database's, so replicas whose clocks differ agree on them.
   */
  @Query(
      "SELECT incident_id FROM war_room WHERE retry_at <= CURRENT_TIMESTAMP"
          + " AND (lease_until IS NULL OR lease_until < CURRENT_TIMESTAMP)")
  List<Long> findRetriesDue();

  /** 1 when this room has work: no channel yet, a card behind the incident, or queued posts. */
  @Query(
      "SELECT COUNT(*) FROM war_room w JOIN incident i ON i.id = w.incident_id"
          + " WHERE w.incident_id = :id"
          + " AND (w.channel_id IS NULL OR w.synced_revision < i.revision"
          + " OR EXISTS (SELECT 1 FROM outbox o WHERE o.incident_id = w.incident_id"
          + " AND o.delivered_at IS NULL))")
  int countWork(long id);

  // Every write below is made under a lease and names its generation: 0 rows when the lease was
  // lost to another replica (WarRoomPass then stops).

  @Query(
      "UPDATE war_room SET failures = 0, retry_at = NULL, last_error = NULL"
          + " WHERE incident_id = :id AND lease_generation = :generation")
  int clearFailures(long id, long generation);

  @Query(
      "UPDATE war_room SET failures = failures + 1, last_error = :error,"
          + " retry_at = CURRENT_TIMESTAMP + CAST(:waitMillis AS BIGINT) * INTERVAL '0.001' SECOND"
          + " WHERE incident_id = :id AND lease_generation = :generation")
  int recordFailure(long id, long generation, long waitMillis, @Nullable String error);

  /** Records the name about to be tried; when {@code started}, at the database's time. */
  @Query(
      "UPDATE war_room SET name_attempt = :attempt,"
          + " create_started_at = CASE WHEN :started THEN CURRENT_TIMESTAMP ELSE NULL END"
          + " WHERE incident_id = :id AND lease_generation = :generation")
  int setNameAttempt(long id, long generation, int attempt, boolean started);

  @Query(
      "UPDATE war_room SET channel_id = :channelId, channel_name = :name, create_started_at = NULL"
          + " WHERE incident_id = :id AND lease_generation = :generation")
  int setChannel(long id, long generation, String channelId, String name);

  @Query(
      "UPDATE war_room SET invited = :invited"
          + " WHERE incident_id = :id AND lease_generation = :generation")
  int setInvited(long id, long generation, String invited);

  @Query(
      "UPDATE war_room SET topic = :topic"
          + " WHERE incident_id = :id AND lease_generation = :generation")
  int setTopic(long id, long generation, String topic);

  @Query(
      "UPDATE war_room SET card_ts = :ts, synced_revision = :revision, card_pinned = FALSE"
          + " WHERE incident_id = :id AND lease_generation = :generation")
  int setCard(long id, long generation, String ts, long revision);

  @Query(
      "UPDATE war_room SET card_pinned = TRUE"
          + " WHERE incident_id = :id AND lease_generation = :generation")
  int setPinned(long id, long generation);

  @Query(
      "UPDATE war_room SET synced_revision = :revision"
          + " WHERE incident_id = :id AND lease_generation = :generation")
  int setSyncedRevision(long id, long generation, long revision);

  @Query(
      "UPDATE war_room SET thread_ts = :ts"
          + " WHERE incident_id = :id AND lease_generation = :generation")
  int setThread(long id, long generation, String ts);
}
