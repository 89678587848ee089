package io.warroom.incident;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.time.Instant;
import java.util.List;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface TaskRepository extends CrudRepository<Task, Long> {

  @Query("SELECT * FROM task WHERE incident_id = :incidentId ORDER BY id")
  List<Task> findByIncident(long incidentId);

  /** Open tasks assigned to someone, oldest first, for their App Home. */
  @Query(
      "SELECT * FROM task WHERE assignee = :assignee AND done_at IS NULL ORDER BY id LIMIT :limit")
  List<Task> findOpenByAssignee(String assignee, int limit);

  /** Marks a task done unless someone already did; 1 when this call did. */
  @Query("UPDATE task SET done_by = :by, done_at = :at WHERE id = :id AND done_at IS NULL")
  int complete(long id, String by, Instant at);
}
