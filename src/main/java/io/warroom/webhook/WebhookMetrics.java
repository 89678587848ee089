package io.warroom.webhook;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * {@code warroom_webhook_deliveries_total{result}}: each try's outcome ({@code delivered}, {@code
 * failed} and to be retried, {@code gave_up}); and {@code warroom_webhook_pending}, the events not
 * yet done, read from the database when scraped (only when events go out).
 */
final class WebhookMetrics {

  private final Counter delivered;
  private final Counter failed;
  private final Counter gaveUp;

  WebhookMetrics(MeterRegistry registry, WebhookDeliveryRepository deliveries, boolean enabled) {
    this.delivered = counter(registry, "delivered");
    this.failed = counter(registry, "failed");
    this.gaveUp = counter(registry, "gave_up");
    if (!enabled) {
      return; // no query per scrape where no events go out
    }
    Gauge.builder("warroom.webhook.pending", deliveries, WebhookMetrics::pending)
        .description("events waiting to be delivered to an endpoint (retries included)")
        .register(registry);
  }

  private static double pending(WebhookDeliveryRepository deliveries) {
    try {
      return deliveries.countPending();
    } catch (RuntimeException e) {
      return Double.NaN;
    }
  }

  private static Counter counter(MeterRegistry registry, String result) {
    return Counter.builder("warroom.webhook.deliveries")
        .tag("result", result)
        .description("tries to deliver an event to an endpoint, by outcome")
        .register(registry);
  }

  void delivered() {
    delivered.increment();
  }

  void failed() {
    failed.increment();
  }

  void gaveUp() {
    gaveUp.increment();
  }
}
