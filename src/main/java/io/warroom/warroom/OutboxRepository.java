package io.warroom.warroom;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.time.Instant;
import java.util.List;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface OutboxRepository extends CrudRepository<OutboxEntry, Long> {

  List<OutboxEntry> findByIncidentIdAndDeliveredAtIsNullOrderById(long incidentId);

  /** Documents of an incident already uploaded as files. */
  List<OutboxEntry> findByIncidentIdAndKindAndFileIdIsNotNullOrderById(
      long incidentId, OutboxKind kind);

  /** The ts of the delivered post with this name, if it was posted. */
  @Query(
      "SELECT ts FROM outbox WHERE incident_id = :incidentId AND ref = :ref AND ts IS NOT NULL"
          + " ORDER BY id LIMIT 1")
  java.util.Optional<String> findTsByRef(long incidentId, String ref);

  @Query("UPDATE outbox SET file_id = :fileId WHERE id = :id")
  void setFileId(long id, String fileId);

  @Query("UPDATE outbox SET attempted_at = :at WHERE id = :id")
  void markAttempted(long id, Instant at);

  @Query("UPDATE outbox SET delivered_at = :at, ts = :ts WHERE id = :id")
  void markDelivered(long id, Instant at, String ts);

  @Query("UPDATE outbox SET delivered_at = :at, error = :error WHERE id = :id")
  void markGivenUp(long id, Instant at, String error);
}
