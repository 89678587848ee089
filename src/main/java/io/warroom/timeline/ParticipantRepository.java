package io.warroom.timeline;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.time.Instant;
import java.util.List;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface ParticipantRepository extends GenericRepository<Participant, Long> {

  @Query(
      "INSERT INTO participant (incident_id, user_id, joined_at) VALUES (:incidentId, :userId, :at)"
          + " ON CONFLICT DO NOTHING")
  int add(long incidentId, String userId, Instant at);

  @Query("SELECT * FROM participant WHERE incident_id = :incidentId ORDER BY joined_at, user_id")
  List<Participant> findByIncident(long incidentId);
}
