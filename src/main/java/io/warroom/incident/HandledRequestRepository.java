package io.warroom.incident;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.time.Instant;

/** Keys of requests already handled, claimed in the transaction of what they change. */
@JdbcRepository(dialect = Dialect.POSTGRES)
interface HandledRequestRepository extends GenericRepository<HandledRequest, String> {

  /**
   * 1 when the request is new; 0 when it was handled before. A concurrent claim of the same key
   * waits for the first transaction, then gets 0 if that one committed.
   */
  @Query(
      "INSERT INTO handled_request (request_key, handled_at) VALUES (:requestKey, :at)"
          + " ON CONFLICT DO NOTHING")
  int claim(String requestKey, Instant at);

  /** Forgets the requests handled before this instant; how many it forgot. */
  @Query("DELETE FROM handled_request WHERE handled_at < :before")
  int forgetBefore(Instant before);
}
