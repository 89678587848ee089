package io.warroom.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Map;

/**
 * Every REST call needs {@code Authorization: Bearer $WARROOM_API_TOKEN}. Without the token, with a
 * wrong one, or when none is configured, the answer is 401 and nothing is read.
 *
 * <p>The filter sees every request and decides on the path as the router will read it (percent
 * escapes decoded, repeated slashes collapsed, dot segments resolved, case ignored), so {@code
 * //api/...}, {@code /api/../api/...}, {@code /%61pi/...} or a trailing slash cannot slip past a
 * pattern that only matches the plain spelling.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
class ApiTokenFilter {

  private final byte[] token;

  ApiTokenFilter(ApiSettings settings) {
    this.token = settings.token().map(t -> t.getBytes(StandardCharsets.UTF_8)).orElse(null);
  }

  @RequestFilter
  @Nullable
  HttpResponse<?> check(HttpRequest<?> request) {
    if (!underApi(request.getUri().getRawPath())) {
      return null;
    }
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

  /** Whether a raw request path, however spelled, names something under {@code /api}. */
  static boolean underApi(String rawPath) {
    String path = rawPath == null ? "" : rawPath;
    for (int i = 0; i < 3 && path.indexOf('%') >= 0; i++) {
      path = percentDecoded(path);
    }
    Deque<String> segments = new ArrayDeque<>();
    for (String segment : path.replace('\\', '/').split("/")) {
      if (segment.isEmpty() || segment.equals(".")) {
        continue;
      }
      if (segment.equals("..")) {
        segments.pollLast();
      } else {
        segments.add(segment);
      }
    }
    String first = segments.isEmpty() ? "" : segments.peekFirst().strip();
    return first.toLowerCase(Locale.ROOT).equals("api");
  }

  private static String percentDecoded(String path) {
    try {
      return URLDecoder.decode(path.replace("+", "%2B"), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException malformed) {
      return path;
    }
  }
}
