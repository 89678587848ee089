package io.warroom.timeline;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.time.Instant;
import java.util.List;

/** Pushpins waiting for their message ({@link EarlyPinSweep}). */
@JdbcRepository(dialect = Dialect.POSTGRES)
interface EarlyPinRepository extends GenericRepository<EarlyPin, Long> {

  @Query(
      "INSERT INTO early_pin (channel_id, ts, delta, received_at)"
          + " VALUES (:channelId, :ts, :delta, :at)")
  int remember(String channelId, String ts, int delta, Instant at);

  /** Early pins whose message is stored by now, oldest first. */
  @Query(
      "SELECT e.* FROM early_pin e WHERE EXISTS (SELECT 1 FROM timeline_entry t"
          + " WHERE t.channel_id = e.channel_id AND t.ts = e.ts) ORDER BY e.id")
  List<EarlyPin> arrived();

  /** 1 for the one transaction (of any replica) that takes this pin; 0 for every other. */
  @Query("DELETE FROM early_pin WHERE id = :id")
  int take(long id);

  @Query("DELETE FROM early_pin WHERE received_at < :before")
  int forgetBefore(Instant before);
}
