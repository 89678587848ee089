package io.warroom.incident;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
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
}
