package io.warroom.support;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Alertmanager webhook notifications (version "4", the fields of its webhook_config documentation),
 * built for a test, and sending them to Warroom with the integration token.
 */
public final class AlertPayloads {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private AlertPayloads() {}

  /** A notification of one group; each alert is {@code status, labels, annotations}. */
  public static ObjectNode group(String groupKey, String status, Map<String, String> common) {
    ObjectNode n = JSON.createObjectNode();
    n.put("version", "4");
    n.put("groupKey", groupKey);
    n.put("truncatedAlerts", 0);
    n.put("status", status);
    n.put("receiver", "warroom");
    n.putObject("groupLabels");
    ObjectNode labels = n.putObject("commonLabels");
    common.forEach(labels::put);
    n.putObject("commonAnnotations");
    n.put("externalURL", "http://alertmanager.example.com:9093");
    n.putArray("alerts");
    return n;
  }

  public static ObjectNode alert(
      ObjectNode notification,
      String status,
      Map<String, String> labels,
      Map<String, String> annotations,
      String startsAt) {
    ArrayNode alerts = (ArrayNode) notification.get("alerts");
    ObjectNode a = alerts.addObject();
    a.put("status", status);
    ObjectNode l = a.putObject("labels");
    labels.forEach(l::put);
    ObjectNode an = a.putObject("annotations");
    annotations.forEach(an::put);
    a.put("startsAt", startsAt);
    a.put("endsAt", "resolved".equals(status) ? startsAt : "0001-01-01T00:00:00Z");
    a.put("generatorURL", "http://prometheus.example.com:9090/graph?g0.expr=up");
    a.put("fingerprint", Integer.toHexString(labels.hashCode()));
    return notification;
  }

  /** POSTs a notification to Warroom's Alertmanager endpoint. */
  public static HttpResponse<String> send(URI warroom, String token, ObjectNode notification) {
    HttpRequest request =
        HttpRequest.newBuilder(warroom.resolve("/integrations/alertmanager"))
            .header("Content-Type", "application/json")
            .header("Authorization", "Bearer " + token)
            .POST(
                HttpRequest.BodyPublishers.ofString(
                    notification.toString(), StandardCharsets.UTF_8))
            .build();
    try {
      HttpResponse<String> answer = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
      if (answer.statusCode() != 200) {
        throw new AssertionError("Warroom answered " + answer.statusCode() + ": " + answer.body());
      }
      return answer;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
