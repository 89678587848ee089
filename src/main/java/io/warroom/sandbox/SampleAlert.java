package io.warroom.sandbox;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The sandbox's sample alert: a notification exactly as Prometheus Alertmanager's webhook sends it
 * (version "4"), for one group of one alert, firing or resolved.
 */
final class SampleAlert {

  private static final ObjectMapper JSON = new ObjectMapper();

  private SampleAlert() {}

  /**
   * @param severity the {@code severity} label ({@code critical}, {@code warning})
   * @param startsAt when the alert began firing
   */
  static String payload(String severity, boolean firing, Instant startsAt) {
    String name = "critical".equals(severity) ? "CheckoutErrorRate" : "CheckoutLatency";
    String summary =
        "critical".equals(severity)
            ? "Checkout 5xx above 5% for 5 minutes"
            : "Checkout p99 latency above 800 ms";
    String status = firing ? "firing" : "resolved";
    ObjectNode n = JSON.createObjectNode();
    n.put("version", "4");
    n.put("groupKey", "{}/{}:{alertname=\"" + name + "\"}");
    n.put("truncatedAlerts", 0);
    n.put("status", status);
    n.put("receiver", "warroom");
    n.putObject("groupLabels").put("alertname", name);
    n.putObject("commonLabels")
        .put("alertname", name)
        .put("service", "checkout")
        .put("severity", severity);
    n.putObject("commonAnnotations").put("summary", summary);
    n.put("externalURL", "http://alertmanager.sandbox.local:9093");
    ObjectNode a = n.putArray("alerts").addObject();
    a.put("status", status);
    a.putObject("labels")
        .put("alertname", name)
        .put("service", "checkout")
        .put("severity", severity)
        .put("instance", "checkout-1:8080");
    a.putObject("annotations")
        .put("summary", summary)
        .put("runbook_url", "https://runbooks.example.com/checkout");
    Instant start = startsAt.truncatedTo(ChronoUnit.SECONDS);
    a.put("startsAt", start.toString());
    a.put(
        "endsAt",
        firing ? "0001-01-01T00:00:00Z" : Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
    a.put("generatorURL", "http://prometheus.sandbox.local:9090/graph?g0.expr=checkout");
    a.put("fingerprint", Integer.toHexString(name.hashCode()));
    return n.toString();
  }
}
