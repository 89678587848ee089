package io.warroom.sandbox;

import com.fasterxml.jackson.databind.node.TextNode;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;

/** The page API's JSON answers: {@code {"ok":true}}, or {@code {"ok":false,"error":…}}. */
final class PageAnswers {

  private PageAnswers() {}

  static HttpResponse<String> ok(String json) {
    return HttpResponse.ok(json).contentType(MediaType.APPLICATION_JSON_TYPE);
  }

  /** The reason, quoted as a JSON string, with {@code status}. */
  static HttpResponse<String> failed(HttpStatus status, String reason) {
    return HttpResponse.<String>status(status)
        .body("{\"ok\":false,\"error\":" + quote(reason) + "}")
        .contentType(MediaType.APPLICATION_JSON_TYPE);
  }

  static String quote(String s) {
    return TextNode.valueOf(s).toString();
  }
}
