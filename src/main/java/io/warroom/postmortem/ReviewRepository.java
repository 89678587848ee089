package io.warroom.postmortem;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.time.Instant;
import java.util.List;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface ReviewRepository extends CrudRepository<Review, Long> {

  @Query(
      "SELECT * FROM postmortem_review WHERE due_at <= :now AND reminded = FALSE"
          + " ORDER BY due_at LIMIT :limit")
  List<Review> findDue(Instant now, int limit);

  /** Claims the reminder of one review (compare-and-set); 1 for the one replica that wins. */
  @Query(
      "UPDATE postmortem_review SET reminded = TRUE WHERE incident_id = :incidentId"
          + " AND reminded = FALSE")
  int claim(long incidentId);
}
