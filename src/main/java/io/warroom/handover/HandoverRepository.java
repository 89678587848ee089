package io.warroom.handover;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface HandoverRepository extends CrudRepository<Handover, Long> {

  List<Handover> findByIncidentIdAndState(long incidentId, Handover.State state);

  Optional<Handover> findByRequestKey(String requestKey);

  List<Handover> findByIncidentIdOrderById(long incidentId);
}
