package io.warroom.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;

/**
 * Every REST call needs {@code Authorization: Bearer $WARROOM_API_TOKEN}. Without the token, with a
 * wrong one, or when none is configured, the answer is 401 and nothing is read.
 */
@ServerFilter("/api/**")
class ApiTokenFilter {

  private final byte[] token;

  ApiTokenFilter(ApiSettings settings) {
    this.token = settings.token().map(t -> t.getBytes(StandardCharsets.UTF_8)).orElse(null);
  }

  @RequestFilter
  @Nullable
  HttpResponse<?> check(HttpRequest<?> request) {
    String header = request.getHeaders().getAuthorization().orElse("");
    if (token != null && header.startsWith("Bearer ")) {
      byte[] given = header.substring("Bearer ".length()).trim().getBytes(StandardCharsets.UTF_8);
      if (MessageDigest.isEqual(token, given)) {
        return null;
      }
    }
    String error =
        token == null
            ? "the REST API is off: set WARROOM_API_TOKEN"
            : "send Authorization: Bearer <WARROOM_API_TOKEN>";
    return HttpResponse.status(HttpStatus.UNAUTHORIZED)
        .header("WWW-Authenticate", "Bearer realm=\"warroom\"")
        .body(Map.of("error", error));
  }
}
