package io.warroom.webhook;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.List;

/**
 * Every time here is the database's, the one clock all replicas share. Writes made while sending
 * name the lease owner, so a replica whose lease ran out and was taken over changes nothing.
 */
@JdbcRepository(dialect = Dialect.POSTGRES)
interface WebhookDeliveryRepository extends CrudRepository<WebhookDelivery, Long> {

  @Query(
      "INSERT INTO webhook_delivery (endpoint, incident_id, message_id, type, body, created_at,"
          + " attempts, next_attempt_at) VALUES (:endpoint, :incidentId, :messageId, :type, :body,"
          + " CURRENT_TIMESTAMP, 0, CURRENT_TIMESTAMP)")
  void insert(String endpoint, long incidentId, String messageId, String type, String body);

  /**
   * The events of this endpoint that may be sent now: due, held by nobody, and first in line of
   * their incident (every earlier event of the incident for this endpoint is done).
   */
  @Query(
      "SELECT d.* FROM webhook_delivery d WHERE d.endpoint = :endpoint AND d.done_at IS NULL"
          + " AND d.next_attempt_at <= CURRENT_TIMESTAMP"
          + " AND (d.lease_until IS NULL OR d.lease_until < CURRENT_TIMESTAMP)"
          + " AND NOT EXISTS (SELECT 1 FROM webhook_delivery p WHERE p.endpoint = d.endpoint"
          + " AND p.incident_id = d.incident_id AND p.done_at IS NULL AND p.id < d.id)"
          + " ORDER BY d.id LIMIT 100")
  List<WebhookDelivery> findSendable(String endpoint);

  /** Takes the event for one send; 1 when this caller now holds it. Counts the try. */
  @Query(
      "UPDATE webhook_delivery SET lease_owner = :owner, attempts = attempts + 1,"
          + " lease_until = CURRENT_TIMESTAMP + CAST(:leaseMillis AS BIGINT) * INTERVAL '0.001' SECOND"
          + " WHERE id = :id AND done_at IS NULL AND attempts = :attempts"
          + " AND (lease_until IS NULL OR lease_until < CURRENT_TIMESTAMP)")
  int claim(long id, int attempts, String owner, long leaseMillis);

  @Query(
      "UPDATE webhook_delivery SET done_at = CURRENT_TIMESTAMP, outcome = :outcome,"
          + " last_error = :error, lease_owner = NULL, lease_until = NULL"
          + " WHERE id = :id AND lease_owner = :owner")
  int finish(long id, String owner, String outcome, @Nullable String error);

  @Query(
      "UPDATE webhook_delivery SET lease_owner = NULL, lease_until = NULL, last_error = :error,"
          + " next_attempt_at = CURRENT_TIMESTAMP + CAST(:waitMillis AS BIGINT) * INTERVAL '0.001' SECOND"
          + " WHERE id = :id AND lease_owner = :owner")
  int retryLater(long id, String owner, long waitMillis, String error);

  /** Frees what this replica holds (at shutdown) or what a previous run of it held (at start). */
  @Query(
      "UPDATE webhook_delivery SET lease_owner = NULL, lease_until = NULL"
          + " WHERE lease_owner LIKE :pattern AND done_at IS NULL")
  int release(String pattern);

  @Query("SELECT count(*) FROM webhook_delivery WHERE done_at IS NULL")
  long countPending();
}
