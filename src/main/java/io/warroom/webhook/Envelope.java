package io.warroom.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.jackson.JsonCloudEventData;
import io.cloudevents.jackson.JsonFormat;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;

/**
 * The CloudEvents 1.0 event in structured JSON mode, built and written by the CloudEvents Java SDK:
 * {@code specversion}, {@code id}, {@code source}, {@code type}, {@code subject} (the incident id),
 * {@code time}, {@code datacontenttype} and the JSON {@code data}; a drill also carries the
 * extension attribute {@code drill: true}, so a receiver can route drills without reading data.
 */
final class Envelope {

  static final String CONTENT_TYPE = JsonFormat.CONTENT_TYPE;
  private static final JsonFormat FORMAT = new JsonFormat();

  private Envelope() {}

  static String write(
      String id,
      EventType type,
      URI source,
      long incidentId,
      Instant time,
      boolean drill,
      JsonNode data) {
    CloudEventBuilder builder =
        CloudEventBuilder.v1()
            .withId(id)
            .withSource(source)
            .withType(type.type())
            .withSubject(Long.toString(incidentId))
            .withTime(time.atOffset(ZoneOffset.UTC))
            .withDataContentType("application/json")
            .withData(JsonCloudEventData.wrap(data));
    if (drill) {
      builder.withExtension("drill", true);
    }
    CloudEvent event = builder.build();
    return new String(FORMAT.serialize(event), StandardCharsets.UTF_8);
  }
}
