package io.warroom.alert;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.TreeMap;

/** Reading a sender's JSON, every failure a {@link BadPayload} naming the field. */
final class Json {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private Json() {}

  static JsonNode object(String body) {
    JsonNode node;
    try {
      node = MAPPER.readTree(body == null ? "" : body);
    } catch (JsonProcessingException e) {
      throw new BadPayload("the body is not valid JSON");
    }
    if (node == null || !node.isObject()) {
      throw new BadPayload("the body is not a JSON object");
    }
    return node;
  }

  /** A required non-empty string of at most {@code max} characters. */
  static String text(JsonNode parent, String field, int max) {
    String value = optionalText(parent, field);
    if (value == null || value.isEmpty()) {
      throw new BadPayload("\"" + field + "\" is missing or empty");
    }
    if (value.length() > max) {
      throw new BadPayload("\"" + field + "\" is longer than " + max + " characters");
    }
    return value;
  }

  static String optionalText(JsonNode parent, String field) {
    JsonNode node = parent.get(field);
    if (node == null || node.isNull()) {
      return null;
    }
    if (!node.isTextual()) {
      throw new BadPayload("\"" + field + "\" is not a string");
    }
    return node.asText();
  }

  /** A map of strings (labels, annotations); absent is empty. Sorted, so equal maps match. */
  static Map<String, String> strings(JsonNode parent, String field) {
    JsonNode node = parent.get(field);
    Map<String, String> map = new TreeMap<>();
    if (node == null || node.isNull()) {
      return map;
    }
    if (!node.isObject()) {
      throw new BadPayload("\"" + field + "\" is not an object of strings");
    }
    for (Map.Entry<String, JsonNode> e : node.properties()) {
      if (!e.getValue().isTextual()) {
        throw new BadPayload("\"" + field + "." + e.getKey() + "\" is not a string");
      }
      map.put(e.getKey(), e.getValue().asText());
    }
    return map;
  }

  /** An RFC 3339 time as an ISO instant; absent or Go's zero time is {@code null}. */
  static String time(JsonNode parent, String field) {
    String value = optionalText(parent, field);
    if (value == null || value.isEmpty() || value.startsWith("0001-01-01T")) {
      return null;
    }
    // PagerDuty's own example writes the offset without a colon: 2015-07-17T08:42:58.315+0000.
    String rfc = value.replaceFirst("([+-]\\d{2})(\\d{2})$", "$1:$2");
    try {
      return OffsetDateTime.parse(rfc).toInstant().toString();
    } catch (DateTimeParseException e) {
      try {
        return Instant.parse(value).toString();
      } catch (DateTimeParseException again) {
        throw new BadPayload("\"" + field + "\" is not an RFC 3339 time: " + shorten(value));
      }
    }
  }

  static String shorten(String s) {
    String one = s.replaceAll("[\\r\\n]+", " ");
    return one.length() <= 40 ? one : one.substring(0, 40) + "…";
  }
}
