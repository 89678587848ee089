package io.warroom.triage;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface TriageRepository extends GenericRepository<TriagedGroup, Long> {

  Optional<TriagedGroup> findById(long id);

  List<TriagedGroup> findByIncidentIdOrderById(long incidentId);

  List<TriagedGroup> findByNoiseAtBetweenOrderByNoiseAt(Instant from, Instant to);

  List<TriagedGroup> findByIncidentIdIn(java.util.Collection<Long> incidentId);

  /** Firing groups nobody has dealt with yet, most recently changed first. */
  @Query(
      "SELECT * FROM alert_group WHERE incident_id IS NULL AND noise_by IS NULL"
          + " AND status = 'firing' ORDER BY updated_at DESC, id DESC LIMIT :limit")
  List<TriagedGroup> findUnattached(int limit);

  // The card's delivery: a lease per group, as war_room has, every write fenced by its generation.

  @Query(
      "UPDATE alert_group SET lease_owner = :owner, lease_generation = lease_generation + 1,"
          + " lease_until = CURRENT_TIMESTAMP + CAST(:leaseMillis AS BIGINT) * INTERVAL '0.001' SECOND"
          + " WHERE id = :id AND (lease_until IS NULL OR lease_until < CURRENT_TIMESTAMP)")
  int claim(long id, String owner, long leaseMillis);

  @Query("SELECT lease_generation FROM alert_group WHERE id = :id AND lease_owner = :owner")
  Optional<Long> generation(long id, String owner);

  @Query(
      "UPDATE alert_group SET lease_until = CURRENT_TIMESTAMP + CAST(:leaseMillis AS BIGINT) * INTERVAL '0.001' SECOND"
          + " WHERE id = :id AND lease_generation = :generation")
  int renew(long id, long generation, long leaseMillis);

  @Query(
      "UPDATE alert_group SET lease_owner = NULL, lease_until = NULL"
          + " WHERE id = :id AND lease_generation = :generation")
  int release(long id, long generation);

  @Query(
      "UPDATE alert_group SET lease_owner = NULL, lease_until = NULL"
          + " WHERE lease_owner LIKE :prefix AND lease_owner <> :owner")
  int releaseStale(String prefix, String owner);

  /** Groups whose card (or auto-declaration) is behind, due and not held by anyone. */
  @Query(
      "SELECT id FROM alert_group WHERE revision > card_revision"
          + " AND (card_retry_at IS NULL OR card_retry_at <= CURRENT_TIMESTAMP)"
          + " AND (lease_until IS NULL OR lease_until < CURRENT_TIMESTAMP) ORDER BY id")
  List<Long> findDue();

  /** How many groups' cards are behind their state, due or not (backing off, held). */
  @Query("SELECT COUNT(*) FROM alert_group WHERE revision > card_revision")
  long countBehind();

  @Query("UPDATE alert_group SET card_attempted_at = CURRENT_TIMESTAMP WHERE id = :id" + FENCE)
  int markAttempted(long id, long generation);

  @Query("UPDATE alert_group SET card_attempted_at = :at WHERE id = :id" + FENCE)
  int restoreAttempted(long id, long generation, @Nullable Instant at);

  @Query(
      "UPDATE alert_group SET card_channel = :channel, card_ts = :ts, card_revision = :revision"
          + " WHERE id = :id"
          + FENCE)
  int setCard(long id, long generation, String channel, String ts, long revision);

  @Query("UPDATE alert_group SET card_revision = :revision WHERE id = :id" + FENCE)
  int setDrawn(long id, long generation, long revision);

  @Query(
      "UPDATE alert_group SET card_failures = card_failures + 1,"
          + " card_retry_at = CURRENT_TIMESTAMP + CAST(:waitMillis AS BIGINT) * INTERVAL '0.001' SECOND"
          + " WHERE id = :id"
          + FENCE)
  int recordFailure(long id, long generation, long waitMillis);

  @Query("UPDATE alert_group SET card_failures = 0, card_retry_at = NULL WHERE id = :id" + FENCE)
  int clearFailures(long id, long generation);

  /** A write under the group's lease changes nothing once another replica has claimed it. */
  String FENCE = " AND lease_generation = :generation";

  // What people (and auto-declaration) do; each bumps the revision so the card is redrawn.

  @Query(
      "UPDATE alert_group SET incident_id = :incidentId, attach_kind = :kind,"
          + " attached_by = :by, attached_at = :at, revision = revision + 1"
          + " WHERE id = :id AND incident_id IS NULL")
  int attach(long id, long incidentId, String kind, String by, Instant at);

  @Query(
      "UPDATE alert_group SET noise_by = :by, noise_at = :at, revision = revision + 1"
          + " WHERE id = :id AND noise_by IS NULL AND incident_id IS NULL")
  int noise(long id, String by, Instant at);

  /** Records the status the incident heard; 0 when it already heard this one. */
  @Query(
      "UPDATE alert_group SET incident_status = :status WHERE id = :id"
          + " AND (incident_status IS NULL OR incident_status <> :status)")
  int claimIncidentStatus(long id, String status);

  @Query(
      "UPDATE alert_group SET room_line_at = :at WHERE id = :id"
          + " AND (room_line_at IS NULL OR room_line_at <= :notAfter)")
  int claimRoomLine(long id, Instant at, Instant notAfter);
}
