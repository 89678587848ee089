package io.warroom.once;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.time.Instant;

/** Keys already handled, claimed in the transaction of what they change. */
@JdbcRepository(dialect = Dialect.POSTGRES)
interface HandledOnceRepository extends GenericRepository<HandledOnce, String> {

  /**
   * 1 when the key is new; 0 when it was handled before. A concurrent claim of the same key
   * (another thread or replica) waits for the first transaction, then gets 0 if that one committed.
   */
  @Query(
      "INSERT INTO handled_once (once_key, handled_at) VALUES (:onceKey, :at)"
          + " ON CONFLICT DO NOTHING")
  int claim(String onceKey, Instant at);

  /** Forgets the keys handled before this instant; how many it forgot. */
  @Query("DELETE FROM handled_once WHERE handled_at < :before")
  int forgetBefore(Instant before);
}
