package io.warroom.alert;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.time.Instant;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface AlertGroupRepository extends CrudRepository<AlertGroup, Long> {

  Optional<AlertGroup> findBySourceAndSourceKey(String source, String sourceKey);

  /** The group, locked until the transaction ends, so two notifications apply one at a time. */
  Optional<AlertGroup> findBySourceAndSourceKeyForUpdate(String source, String sourceKey);

  /** Inserts the group unless another notification of it got there first (then 0). */
  @Query(
      "INSERT INTO alert_group (source, source_key, status, severity, summary, runbook_url,"
          + " generator_url, firing_count, alert_count, started_at, acknowledged_at, alerts,"
          + " content_hash, received_at, updated_at) VALUES (:source, :sourceKey, :status,"
          + " :severity, :summary, :runbookUrl, :generatorUrl, :firingCount, :alertCount,"
          + " :startedAt, :acknowledgedAt, :alerts, :contentHash, :receivedAt, :receivedAt)"
          + " ON CONFLICT DO NOTHING")
  int insertIfAbsent(
      String source,
      String sourceKey,
      String status,
      String severity,
      String summary,
      @Nullable String runbookUrl,
      @Nullable String generatorUrl,
      int firingCount,
      int alertCount,
      @Nullable Instant startedAt,
      @Nullable Instant acknowledgedAt,
      String alerts,
      String contentHash,
      Instant receivedAt);

  /** Marks a change the group's card (and its incident) must show. */
  @Query("UPDATE alert_group SET revision = revision + 1 WHERE id = :id")
  int bumpRevision(long id);
}
