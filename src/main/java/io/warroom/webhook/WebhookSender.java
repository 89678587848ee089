package io.warroom.webhook;

import jakarta.inject.Singleton;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;

/**
 * POSTs one event, signed for this attempt: {@code webhook-timestamp} is now, {@code webhook-id}
 * the event's own. No redirects are followed (a redirect is refused, like a 4xx).
 */
@Singleton
class WebhookSender {

  private final WebhookSettings settings;
  private final Clock clock;
  private final HttpClient http;

  WebhookSender(WebhookSettings settings, Clock clock) {
    this.settings = settings;
    this.clock = clock;
    this.http =
        HttpClient.newBuilder()
            .connectTimeout(settings.timeout())
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
  }

  Attempt send(URI endpoint, String messageId, String body) {
    long timestamp = clock.instant().getEpochSecond();
    HttpRequest request =
        HttpRequest.newBuilder(endpoint)
            .timeout(settings.timeout())
            .header("Content-Type", Envelope.CONTENT_TYPE + "; charset=utf-8")
            .header("User-Agent", "Warroom")
            .header("webhook-id", messageId)
            .header("webhook-timestamp", Long.toString(timestamp))
            .header("webhook-signature", settings.key().sign(messageId, timestamp, body))
            .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
            .build();
    try {
      HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
      return Attempt.of(response.statusCode(), response.headers().firstValue("Retry-After"));
    } catch (HttpTimeoutException e) {
      return new Attempt.Failed("no answer within " + settings.timeout().toSeconds() + "s", none());
    } catch (IOException e) {
      return new Attempt.Failed(e.getClass().getSimpleName() + ": " + e.getMessage(), none());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Attempt.Failed("interrupted", none());
    }
  }

  private static java.util.Optional<java.time.Duration> none() {
    return java.util.Optional.empty();
  }
}
