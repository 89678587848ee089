package io.warroom.handover;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.time.Instant;
import java.util.List;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface CommanderReminderRepository extends CrudRepository<CommanderReminder, Long> {

  @Query(
      "SELECT r.* FROM commander_reminder r JOIN incident i ON i.id = r.incident_id"
          + " WHERE r.next_due <= :now AND i.status <> 'RESOLVED' AND i.commander IS NULL"
          + " ORDER BY r.next_due LIMIT :limit")
  List<CommanderReminder> findDue(Instant now, int limit);

  /**
   * Claims one due time: only the replica whose update still sees {@code seenDue} wins, so each
   * reminder is sent once.
   */
  @Query(
      "UPDATE commander_reminder SET next_due = :nextDue, sent = sent + 1"
          + " WHERE incident_id = :incidentId AND next_due = :seenDue")
  int claim(long incidentId, Instant seenDue, @Nullable Instant nextDue);

  /** No more reminders (the incident has an IC, or is resolved). */
  @Query("UPDATE commander_reminder SET next_due = NULL WHERE incident_id = :incidentId")
  int stop(long incidentId);
}
