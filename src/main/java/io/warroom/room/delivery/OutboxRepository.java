package io.warroom.room.delivery;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.time.Instant;
import java.util.List;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface OutboxRepository extends CrudRepository<OutboxEntry, Long> {

  List<OutboxEntry> findByIncidentIdAndDeliveredAtIsNullOrderById(long incidentId);

  /** Documents of an incident already uploaded as files. */
  List<OutboxEntry> findByIncidentIdAndKindAndFileIdIsNotNullOrderById(
      long incidentId, OutboxKind kind);

  /** The ts of the delivered post with this name, if it was posted. */
  @Query(
      "SELECT ts FROM outbox WHERE incident_id = :incidentId AND ref = :ref AND ts IS NOT NULL"
          + " ORDER BY id LIMIT 1")
  java.util.Optional<String> findTsByRef(long incidentId, String ref);

  /** Whether a post with this name was ever queued (delivered or not). */
  boolean existsByIncidentIdAndRef(long incidentId, String ref);

  // Writes made under the room's lease name its generation, like WarRoomRepository's: 0 rows once
  // another replica has claimed the room.

  @Query("UPDATE outbox SET file_id = :fileId WHERE id = :id" + FENCE)
  int setFileId(long id, long generation, String fileId);

  /** Puts back the previous try's time after a try that Slack refused before posting (a 429). */
  @Query("UPDATE outbox SET attempted_at = :at WHERE id = :id" + FENCE)
  int restoreAttempted(long id, long generation, @Nullable Instant at);

  /** Marks the start of a try, at the database's time (retries look for the post since then). */
  @Query("UPDATE outbox SET attempted_at = CURRENT_TIMESTAMP WHERE id = :id" + FENCE)
  int markAttempted(long id, long generation);

  @Query("UPDATE outbox SET delivered_at = CURRENT_TIMESTAMP, ts = :ts WHERE id = :id" + FENCE)
  int markDelivered(long id, long generation, String ts);

  @Query(
      "UPDATE outbox SET delivered_at = CURRENT_TIMESTAMP, error = :error WHERE id = :id" + FENCE)
  int markGivenUp(long id, long generation, String error);

  /** The room's lease is still of the given generation. */
  String FENCE =
      " AND EXISTS (SELECT 1 FROM war_room w WHERE w.incident_id = outbox.incident_id"
          + " AND w.lease_generation = :generation)";
}
