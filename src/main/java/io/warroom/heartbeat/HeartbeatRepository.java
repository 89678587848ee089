package io.warroom.heartbeat;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.time.Instant;
import java.util.List;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface HeartbeatRepository extends CrudRepository<Heartbeat, Long> {

  @Query(
      "SELECT h.* FROM heartbeat h JOIN incident i ON i.id = h.incident_id"
          + " WHERE h.next_due <= :now AND i.status <> 'RESOLVED' ORDER BY h.next_due LIMIT :limit")
  List<Heartbeat> findDue(Instant now, int limit);

  /**
   * Claims one due time: only the replica whose update still sees {@code seenDue} wins, so each due
   * time produces exactly one reminder.
   */
  @Query(
      "UPDATE heartbeat SET next_due = :nextDue, missed = missed + 1"
          + " WHERE incident_id = :incidentId AND next_due = :seenDue")
  int claim(long incidentId, Instant seenDue, @Nullable Instant nextDue);

  @Query(
      "UPDATE heartbeat SET next_due = :nextDue, missed = 0, last_update_at = :at"
          + " WHERE incident_id = :incidentId")
  int updated(long incidentId, @Nullable Instant nextDue, Instant at);

  @Query("UPDATE heartbeat SET next_due = :nextDue WHERE incident_id = :incidentId")
  int reschedule(long incidentId, @Nullable Instant nextDue);
}
