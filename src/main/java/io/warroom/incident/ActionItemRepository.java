package io.warroom.incident;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.time.Instant;
import java.util.List;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface ActionItemRepository extends CrudRepository<ActionItem, Long> {

  List<ActionItem> findByIncidentIdIn(java.util.Collection<Long> incidentId);

  @Query("SELECT * FROM action_item WHERE incident_id = :incidentId ORDER BY id")
  List<ActionItem> findByIncident(long incidentId);

  /** Open action items someone owns, oldest first, for their App Home. */
  @Query(
      "SELECT * FROM action_item WHERE owner = :owner AND status = 'OPEN' ORDER BY id LIMIT :limit")
  List<ActionItem> findOpenByOwner(String owner, int limit);

  /** Closes an open item; 1 when this call closed it. */
  @Query(
      "UPDATE action_item SET status = :status, closed_by = :by, closed_at = :at,"
          + " next_reminder_at = NULL WHERE id = :id AND status = 'OPEN'")
  int close(long id, String status, String by, Instant at);

  @Query(
      "UPDATE action_item SET next_reminder_at = :at WHERE incident_id = :incidentId"
          + " AND status = 'OPEN'")
  int scheduleReminders(long incidentId, @Nullable Instant at);

  @Query(
      "SELECT * FROM action_item WHERE next_reminder_at <= :now AND status = 'OPEN'"
          + " ORDER BY next_reminder_at LIMIT :limit")
  List<ActionItem> findDueReminders(Instant now, int limit);

  /** Claims one weekly reminder (compare-and-set on the due time); 1 for the winner. */
  @Query(
      "UPDATE action_item SET next_reminder_at = :next WHERE id = :id AND next_reminder_at = :seen"
          + " AND status = 'OPEN'")
  int claimReminder(long id, Instant seen, Instant next);
}
