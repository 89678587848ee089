package io.warroom.alert;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;

/**
 * One alert of a group as its source last reported it. Times are ISO-8601 instants ({@code null}
 * while unknown, or for Alertmanager's zero {@code endsAt}); labels and annotations are verbatim.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Alert(
    String status,
    Map<String, String> labels,
    Map<String, String> annotations,
    String startsAt,
    String endsAt,
    String generatorURL,
    String fingerprint,
    String silenceURL,
    String dashboardURL) {

  public boolean firing() {
    return "firing".equals(status);
  }
}
