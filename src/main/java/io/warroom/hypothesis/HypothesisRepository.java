package io.warroom.hypothesis;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface HypothesisRepository extends CrudRepository<Hypothesis, Long> {

  @Query("SELECT * FROM hypothesis WHERE incident_id = :incidentId ORDER BY number")
  List<Hypothesis> findByIncident(long incidentId);

  Optional<Hypothesis> findByIncidentIdAndNumber(long incidentId, int number);

  @Query("SELECT COALESCE(MAX(number), 0) FROM hypothesis WHERE incident_id = :incidentId")
  int lastNumber(long incidentId);

  @Query("UPDATE hypothesis SET link = :link WHERE id = :id")
  int setLink(long id, String link);

  /**
   * Incidents with a hypothesis investigated with no change since {@code before}, not yet shown.
   */
  @Query(
      "SELECT DISTINCT incident_id FROM hypothesis WHERE state = 'INVESTIGATING'"
          + " AND stale_drawn = FALSE AND changed_at < :before")
  List<Long> findGoneStale(Instant before);

  /** Marks them shown as stale; the number marked (0 when another replica already did). */
  @Query(
      "UPDATE hypothesis SET stale_drawn = TRUE WHERE incident_id = :incidentId"
          + " AND state = 'INVESTIGATING' AND stale_drawn = FALSE AND changed_at < :before")
  int markStaleDrawn(long incidentId, Instant before);
}
