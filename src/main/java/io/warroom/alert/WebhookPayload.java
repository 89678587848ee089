package io.warroom.alert;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Reads Alertmanager's webhook (version "4") and Grafana's webhook contact point (version "1"),
 * which share their shape: {@code groupKey}, {@code status}, {@code alerts[]} with labels,
 * annotations, {@code startsAt}/{@code endsAt}, {@code generatorURL} and {@code fingerprint}.
 */
final class WebhookPayload {

  static final int MAX_KEY = 1024;

  /** By fingerprint (stable per alert), then by labels where a sender left it out. */
  private static final Comparator<Alert> ALERT_ORDER =
      Comparator.comparing(Alert::fingerprint, Comparator.nullsLast(Comparator.naturalOrder()))
          .thenComparing(a -> a.labels().toString());

  private WebhookPayload() {}

  static Notification parse(AlertSource source, String version, String body) {
    JsonNode root = Json.object(body);
    JsonNode v = root.get("version");
    if (v == null || !v.isTextual()) {
      throw new BadPayload(
          "not a " + source.displayName() + " webhook: \"version\" is missing or not a string");
    }
    if (!v.asText().equals(version)) {
      throw new BadPayload(
          source.displayName()
              + " webhook version \""
              + Json.shorten(v.asText())
              + "\" is not supported; expected \""
              + version
              + "\"");
    }
    String key = Json.text(root, "groupKey", MAX_KEY);
    String status = status(root, "status");
    JsonNode alertsNode = root.get("alerts");
    if (alertsNode == null || !alertsNode.isArray() || alertsNode.isEmpty()) {
      throw new BadPayload("\"alerts\" is missing or not a non-empty list");
    }
    List<Alert> alerts = new ArrayList<>(alertsNode.size());
    int i = 0;
    for (JsonNode a : alertsNode) {
      if (!a.isObject()) {
        throw new BadPayload("alerts[" + i + "] is not an object");
      }
      try {
        alerts.add(
            new Alert(
                status(a, "status"),
                Json.strings(a, "labels"),
                Json.strings(a, "annotations"),
                Json.time(a, "startsAt"),
                Json.time(a, "endsAt"),
                blankToNull(Json.optionalText(a, "generatorURL")),
                blankToNull(Json.optionalText(a, "fingerprint")),
                blankToNull(Json.optionalText(a, "silenceURL")),
                blankToNull(Json.optionalText(a, "dashboardURL"))));
      } catch (BadPayload bad) {
        throw new BadPayload("alerts[" + i + "]: " + bad.getMessage());
      }
      i++;
    }
    // One order whatever order the sender used, so that a repeat is recognised as one.
    alerts.sort(ALERT_ORDER);
    return new Notification(source, key, status, alerts, Json.strings(root, "commonAnnotations"));
  }

  private static String status(JsonNode node, String field) {
    String s = Json.optionalText(node, field);
    if (!"firing".equals(s) && !"resolved".equals(s)) {
      throw new BadPayload("\"" + field + "\" must be \"firing\" or \"resolved\"");
    }
    return s;
  }

  private static String blankToNull(String s) {
    return s == null || s.isEmpty() ? null : s;
  }
}
