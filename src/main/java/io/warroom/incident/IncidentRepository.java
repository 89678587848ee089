package io.warroom.incident;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Storage of incidents. One PostgreSQL dialect serves both databases (H2 runs in its PG mode). */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface IncidentRepository extends CrudRepository<Incident, Long> {

  Optional<Incident> findByRequestKey(String requestKey);

  /** Locks the row until the transaction ends, so concurrent changes to one incident queue up. */
  Optional<Incident> findByIdForUpdate(Long id);

  List<Incident> findByStatusNotEqualOrderByDeclaredAtDesc(Status status);

  List<Incident> findByStatusOrderByDeclaredAtDesc(Status status);

  List<Incident> findAllOrderByDeclaredAtDesc();

  List<Incident> findByDeclaredAtGreaterThanEqualsAndDeclaredAtLessThanOrderByDeclaredAt(
      Instant from, Instant to);

  /**
   * A page of incidents, newest (highest id) first, declared before the one with id {@code before}.
   */
  @Query("SELECT * FROM incident WHERE id < :before ORDER BY id DESC LIMIT :limit")
  List<Incident> pageAll(long before, int limit);

  @Query(
      "SELECT * FROM incident WHERE id < :before AND status <> 'RESOLVED'"
          + " ORDER BY id DESC LIMIT :limit")
  List<Incident> pageOpen(long before, int limit);

  @Query(
      "SELECT * FROM incident WHERE id < :before AND status = 'RESOLVED'"
          + " ORDER BY id DESC LIMIT :limit")
  List<Incident> pageResolved(long before, int limit);

  /** The {@code limit} most recently resolved incidents that are not drills. */
  @Query(
      "SELECT * FROM incident WHERE status = 'RESOLVED' AND drill = FALSE"
          + " ORDER BY resolved_at DESC, id DESC LIMIT :limit")
  List<Incident> findLastResolved(int limit);

  /** Incidents declared or resolved at or after {@code since}: recent history and its figures. */
  @Query(
      "SELECT * FROM incident WHERE declared_at >= :since OR resolved_at >= :since"
          + " ORDER BY declared_at DESC")
  List<Incident> findTouchedSince(Instant since);

  /**
   * Declarations whose consequences are not recorded yet, oldest first. The {@code in_intake}
   * column is not part of {@link Incident}: a new row starts in intake by the column's default. An
   * incident in intake is still investigating (every change finishes its intake first), so the
   * status index narrows the search to those.
   */
  @Query(
      "SELECT id FROM incident WHERE status = 'INVESTIGATING' AND in_intake = TRUE ORDER BY id"
          + " LIMIT :limit")
  List<Long> findIdsInIntake(int limit);

  /** Takes an incident out of intake; 1 for the one transaction that did, 0 for any other. */
  /** Marks a change shown on the incident's card that is not the incident's own (its alerts). */
  @Query("UPDATE incident SET revision = revision + 1 WHERE id = :id")
  int touch(long id);

  @Query("UPDATE incident SET in_intake = FALSE WHERE id = :id AND in_intake = TRUE")
  int leaveIntake(long id);
}
