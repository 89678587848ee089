/**
 * {@code GET /metrics} in Prometheus's text format (SPEC section 15), from Micrometer's registry:
 * the JVM's, the HTTP server's and the connection pool's own meters, the counters and timers the
 * features record where things happen (acks in {@code slack}, Web API calls in {@code slack},
 * reminder lateness in {@code heartbeat}), and {@link io.warroom.metrics.StateGauges}, read from
 * the database at each scrape: what is pending, incomplete or open right now, across all replicas.
 */
package io.warroom.metrics;
