package io.warroom.timeline;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import java.time.Instant;

/** Events API deliveries already handled, so a redelivery changes nothing. */
@JdbcRepository(dialect = Dialect.POSTGRES)
interface ProcessedEventRepository
    extends io.micronaut.data.repository.GenericRepository<ProcessedEvent, String> {

  /** 1 when this delivery is new; 0 when another delivery (or replica) got here first. */
  @Query(
      "INSERT INTO processed_event (event_id, received_at) VALUES (:eventId, :at)"
          + " ON CONFLICT DO NOTHING")
  int claim(String eventId, Instant at);

  @Query("DELETE FROM processed_event WHERE received_at < :before")
  int forgetBefore(Instant before);
}
