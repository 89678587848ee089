package io.warroom.alert;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/** The payloads under {@code src/test/resources/integrations/}, and a way to POST them. */
final class Fixtures {

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private Fixtures() {}

  static String read(String name) {
    try (InputStream in = Fixtures.class.getResourceAsStream("/integrations/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no fixture " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A PagerDuty fixture with its routing key set to {@code token}. */
  static String pagerDuty(String name, String token) {
    return read("pagerduty/" + name)
        .replace("\"routing_key\": \"TOKEN\"", "\"routing_key\": \"" + token + "\"");
  }

  static HttpResponse<String> get(URI url) {
    return send(HttpRequest.newBuilder(url).GET());
  }

  static HttpResponse<String> post(URI url, String bearer, String body) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(url)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    if (bearer != null) {
      request.header("Authorization", "Bearer " + bearer);
    }
    return send(request);
  }

  static HttpResponse<String> send(HttpRequest.Builder request) {
    try {
      return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
