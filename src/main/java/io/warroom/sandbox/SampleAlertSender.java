package io.warroom.sandbox;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntSupplier;
import java.util.function.Supplier;

/**
 * The page's "Fire a sample alert": a notification as Alertmanager sends it, POSTed over HTTP to
 * this Warroom's own endpoint with the integration token, so the whole path (endpoint, store,
 * triage card in #alerts, auto-declare when configured) runs as for a real Alertmanager. A firing
 * alert keeps its start time until it is resolved, as Alertmanager's does.
 */
final class SampleAlertSender {

  private final Supplier<String> token;
  private final IntSupplier port;
  private final Map<String, Instant> started = new ConcurrentHashMap<>();
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  /**
   * @param token the integration token the endpoint expects, read when an alert is sent
   * @param port this Warroom's HTTP port, read when an alert is sent
   */
  SampleAlertSender(Supplier<String> token, IntSupplier port) {
    this.token = token;
    this.port = port;
  }

  /** Sends a {@code warning} or else {@code critical} alert, firing or resolved. */
  HttpResponse<String> send(String severity, boolean firing) {
    Instant since = started.computeIfAbsent(severity, s -> Instant.now());
    if (!firing) {
      started.remove(severity);
    }
    String payload = SampleAlert.payload(severity, firing, since);
    URI endpoint = URI.create("http://127.0.0.1:" + port.getAsInt() + "/integrations/alertmanager");
    try {
      java.net.http.HttpResponse<String> answer =
          http.send(
              HttpRequest.newBuilder(endpoint)
                  .timeout(Duration.ofSeconds(10))
                  .header("Content-Type", "application/json")
                  .header("Authorization", "Bearer " + token.get())
                  .POST(HttpRequest.BodyPublishers.ofString(payload))
                  .build(),
              java.net.http.HttpResponse.BodyHandlers.ofString());
      boolean ok = answer.statusCode() == 200;
      String said =
          ok
              ? "{\"ok\":true,\"status\":200}"
              : "{\"ok\":false,\"error\":"
                  + PageAnswers.quote(
                      "Warroom answered " + answer.statusCode() + ": " + answer.body())
                  + "}";
      return PageAnswers.ok(said);
    } catch (IOException e) {
      return PageAnswers.failed(HttpStatus.BAD_GATEWAY, "could not reach Warroom: " + e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return PageAnswers.failed(HttpStatus.SERVICE_UNAVAILABLE, "interrupted");
    }
  }
}
