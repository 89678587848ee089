package io.warroom.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.data.connection.ConnectionOperations;
import io.warroom.config.DaemonThreads;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gauges of the shared state, read from the database when Prometheus scrapes (never in between, so
 * they cost nothing unscraped). Every replica reports the same figures; aggregate them with {@code
 * max}, not {@code sum}. When the database does not answer within 2 s the gauges read NaN.
 */
@Singleton
class StateGauges {

  private static final Logger LOG = LoggerFactory.getLogger(StateGauges.class);
  static final List<String> SEVERITIES = List.of("SEV1", "SEV2", "SEV3", "SEV4");

  private final ConnectionOperations<Connection> connections;
  private final Clock clock;
  private final ExecutorService reader =
      Executors.newSingleThreadExecutor(DaemonThreads.named("metrics-db-"));
  private final Map<String, Double> values = new ConcurrentHashMap<>();

  StateGauges(ConnectionOperations<Connection> connections, Clock clock, MeterRegistry registry) {
    this.connections = connections;
    this.clock = clock;
    gauge(registry, "warroom.outbox.pending", null, "posts queued for Slack, not yet delivered");
    gauge(
        registry,
        "warroom.outbox.oldest.age",
        "seconds",
        "age of the oldest post not yet delivered; 0 when none");
    gauge(
        registry,
        "warroom.rooms.incomplete",
        null,
        "war rooms not yet complete: no channel yet, or a card behind the incident");
    gauge(registry, "warroom.reminders.overdue", null, "status-update reminders due but not sent");
    gauge(
        registry,
        "warroom.reminders.oldest.overdue",
        "seconds",
        "how long the most overdue reminder has been due; 0 when none");
    for (String severity : SEVERITIES) {
      Gauge.builder("warroom.incidents.open", values, v -> v.getOrDefault("open." + severity, 0.0))
          .tag("severity", severity.toLowerCase())
          .description("open incidents (not resolved) by severity")
          .register(registry);
    }
  }

  private void gauge(MeterRegistry registry, String name, String unit, String description) {
    Gauge.builder(name, values, v -> v.getOrDefault(name, Double.NaN))
        .baseUnit(unit)
        .description(description)
        .register(registry);
  }

  /** Reads the figures now; at most 2 s, as a scrape must not hang on the database. */
  void refresh() {
    Future<?> reading = reader.submit(this::read);
    try {
      reading.get(2, TimeUnit.SECONDS);
    } catch (TimeoutException e) {
      reading.cancel(true);
      values.replaceAll((k, v) -> Double.NaN);
    } catch (Exception e) {
      values.replaceAll((k, v) -> Double.NaN);
      LOG.debug("Metrics from the database failed: {}", e.toString());
    } catch (Error e) {
      throw e;
    }
  }

  private void read() {
    Instant now = clock.instant();
    connections.executeRead(
        status -> {
          Connection c = status.getConnection();
          try {
            try (PreparedStatement s =
                    c.prepareStatement(
                        "SELECT COUNT(*), MIN(created_at) FROM outbox WHERE delivered_at IS NULL");
                ResultSet r = s.executeQuery()) {
              r.next();
              values.put("warroom.outbox.pending", (double) r.getLong(1));
              values.put("warroom.outbox.oldest.age", secondsSince(r.getTimestamp(2), now));
            }
            try (PreparedStatement s =
                    c.prepareStatement(
                        "SELECT COUNT(*) FROM war_room w JOIN incident i ON i.id = w.incident_id"
                            + " WHERE w.channel_id IS NULL OR w.synced_revision < i.revision");
                ResultSet r = s.executeQuery()) {
              r.next();
              values.put("warroom.rooms.incomplete", (double) r.getLong(1));
            }
            try (PreparedStatement s =
                c.prepareStatement(
                    "SELECT COUNT(*), MIN(next_due) FROM heartbeat WHERE next_due <= ?")) {
              s.setTimestamp(1, Timestamp.from(now));
              try (ResultSet r = s.executeQuery()) {
                r.next();
                values.put("warroom.reminders.overdue", (double) r.getLong(1));
                values.put(
                    "warroom.reminders.oldest.overdue", secondsSince(r.getTimestamp(2), now));
              }
            }
            for (String severity : SEVERITIES) {
              values.put("open." + severity, 0.0);
            }
            try (PreparedStatement s =
                    c.prepareStatement(
                        "SELECT severity, COUNT(*) FROM incident WHERE status <> 'RESOLVED'"
                            + " GROUP BY severity");
                ResultSet r = s.executeQuery()) {
              while (r.next()) {
                values.put("open." + r.getString(1), (double) r.getLong(2));
              }
            }
          } catch (SQLException e) {
            throw new IllegalStateException(e);
          }
          return null;
        });
  }

  private static double secondsSince(Timestamp at, Instant now) {
    return at == null ? 0.0 : Math.max(0, now.toEpochMilli() - at.getTime()) / 1000.0;
  }

  @PreDestroy
  void stop() {
    reader.shutdownNow();
  }
}
