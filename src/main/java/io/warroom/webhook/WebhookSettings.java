package io.warroom.webhook;

import java.net.URI;
import java.time.Duration;
import java.util.List;

/**
 * {@code WARROOM_WEBHOOK_URLS} (empty: no events go out), {@code WARROOM_WEBHOOK_SECRET}, {@code
 * WARROOM_PUBLIC_URL} (the events' {@code source}), and how delivery paces itself.
 *
 * @param retryFor how long a failing event is retried before it is given up
 * @param timeout how long one POST may take, connecting included
 * @param lease how long a replica holds an event it is sending; longer than {@code timeout}
 */
record WebhookSettings(
    List<URI> endpoints,
    SigningKey key,
    URI source,
    Duration retryFor,
    Duration firstBackoff,
    Duration maxBackoff,
    Duration timeout,
    Duration lease,
    Duration sweep) {

  boolean enabled() {
    return !endpoints.isEmpty();
  }

  /** The backoff before try {@code attempts + 1}: doubling from the first, capped. */
  Duration backoff(int attempts) {
    Duration d = firstBackoff.multipliedBy(1L << Math.min(Math.max(attempts - 1, 0), 20));
    return d.compareTo(maxBackoff) > 0 ? maxBackoff : d;
  }

  /** Names an endpoint in logs by scheme, host and port only: a path or query may hold a token. */
  static String shown(URI endpoint) {
    return endpoint.getScheme()
        + "://"
        + endpoint.getHost()
        + (endpoint.getPort() < 0 ? "" : ":" + endpoint.getPort());
  }
}
