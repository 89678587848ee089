package io.warroom.fakeslack;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One Web API request as Slack reads it: the method from the path, the arguments from the query and
 * from a form or JSON body (JSON values other than strings kept as their JSON text), and the token
 * from the {@code Authorization} header or else the {@code token} argument.
 *
 * @param token {@code null} when none was given
 */
record ApiRequest(String method, Map<String, String> params, String token) {

  static ApiRequest read(HttpExchange ex, Workspace ws) throws IOException {
    String method = ex.getRequestURI().getPath().substring("/api/".length());
    Map<String, String> params = params(ex, ws);
    return new ApiRequest(method, params, token(ex, params));
  }

  private static Map<String, String> params(HttpExchange ex, Workspace ws) throws IOException {
    Map<String, String> params = new LinkedHashMap<>();
    String query = ex.getRequestURI().getRawQuery();
    if (query != null) {
      decodeForm(query, params);
    }
    String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    String type = ex.getRequestHeaders().getFirst("Content-Type");
    if (type != null && type.startsWith("application/json")) {
      JsonNode json = ws.parse(body);
      if (json != null && json.isObject()) {
        Iterator<Map.Entry<String, JsonNode>> fields = json.fields();
        while (fields.hasNext()) {
          Map.Entry<String, JsonNode> f = fields.next();
          params.put(
              f.getKey(),
              f.getValue().isTextual() ? f.getValue().asText() : f.getValue().toString());
        }
      }
    } else {
      decodeForm(body, params);
    }
    return params;
  }

  private static void decodeForm(String form, Map<String, String> into) {
    for (String pair : form.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String key = eq < 0 ? pair : pair.substring(0, eq);
      String value = eq < 0 ? "" : pair.substring(eq + 1);
      into.put(
          URLDecoder.decode(key, StandardCharsets.UTF_8),
          URLDecoder.decode(value, StandardCharsets.UTF_8));
    }
  }

  private static String token(HttpExchange ex, Map<String, String> params) {
    String auth = ex.getRequestHeaders().getFirst("Authorization");
    if (auth != null && auth.startsWith("Bearer ")) {
      return auth.substring("Bearer ".length()).trim();
    }
    String token = params.get("token");
    return token == null || token.isBlank() ? null : token;
  }
}
