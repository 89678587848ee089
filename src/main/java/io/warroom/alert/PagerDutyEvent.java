package io.warroom.alert;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A PagerDuty Events API v2 event: {@code routing_key}, {@code event_action} ({@code trigger},
 * {@code acknowledge}, {@code resolve}), {@code dedup_key}, and for a trigger the {@code payload}
 * with {@code summary}, {@code source} and {@code severity}.
 */
record PagerDutyEvent(String action, String dedupKey, Alert alert) {

  static final int MAX_KEY = 255;
  private static final Set<String> SEVERITIES = Set.of("critical", "error", "warning", "info");

  /** The routing key as sent, read before anything else so that a stranger learns nothing. */
  static String routingKey(JsonNode root) {
    JsonNode key = root.get("routing_key");
    return key != null && key.isTextual() ? key.asText() : "";
  }

  /** The event; {@code newKey} is the dedup key a trigger without one gets. */
  static PagerDutyEvent parse(JsonNode root, String newKey) {
    String action = Json.optionalText(root, "event_action");
    if (action == null) {
      throw new BadPayload("\"event_action\" is missing");
    }
    String dedupKey = Json.optionalText(root, "dedup_key");
    if (dedupKey != null && dedupKey.length() > MAX_KEY) {
      throw new BadPayload("\"dedup_key\" is longer than " + MAX_KEY + " characters");
    }
    switch (action) {
      case "trigger" -> {
        String key = dedupKey == null || dedupKey.isEmpty() ? newKey : dedupKey;
        return new PagerDutyEvent(action, key, triggered(root));
      }
      case "acknowledge", "resolve" -> {
        if (dedupKey == null || dedupKey.isEmpty()) {
          throw new BadPayload("\"dedup_key\" is required to " + action);
        }
        return new PagerDutyEvent(action, dedupKey, null);
      }
      default ->
          throw new BadPayload(
              "\"event_action\" must be trigger, acknowledge or resolve, not \""
                  + Json.shorten(action)
                  + "\"");
    }
  }

  private static Alert triggered(JsonNode root) {
    JsonNode payload = root.get("payload");
    if (payload == null || !payload.isObject()) {
      throw new BadPayload("\"payload\" is missing or not an object");
    }
    String summary = Json.text(payload, "summary", 1024);
    String source = Json.text(payload, "source", 255);
    String severity = Json.text(payload, "severity", 16).toLowerCase(Locale.ROOT);
    if (!SEVERITIES.contains(severity)) {
      throw new BadPayload("\"payload.severity\" must be critical, error, warning or info");
    }
    Map<String, String> labels = new TreeMap<>();
    labels.put("severity", severity);
    labels.put("source", source);
    for (String field : new String[] {"component", "group", "class"}) {
      String value = Json.optionalText(payload, field);
      if (value != null && !value.isEmpty()) {
        labels.put(field, value);
      }
    }
    Map<String, String> annotations = new TreeMap<>();
    annotations.put("summary", summary);
    String clientUrl = Json.optionalText(root, "client_url");
    return new Alert(
        "firing",
        labels,
        annotations,
        Json.time(payload, "timestamp"),
        null,
        clientUrl == null || clientUrl.isEmpty() ? null : clientUrl,
        null,
        null,
        null);
  }
}
