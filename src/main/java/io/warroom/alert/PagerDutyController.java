package io.warroom.alert;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Error;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.exceptions.ContentLengthExceededException;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /integrations/pagerduty/v2/enqueue}: PagerDuty's Events API v2, answered as PagerDuty
 * answers ({@code 202 {"status":"success","message":"Event processed","dedup_key":…}}, a 400 with
 * {@code errors}). The {@code routing_key} is {@code WARROOM_INTEGRATION_TOKEN}.
 */
@Controller("/integrations/pagerduty/v2")
class PagerDutyController {

  private static final Logger LOG = LoggerFactory.getLogger(PagerDutyController.class);

  private final IntegrationToken token;
  private final AlertGroups groups;
  private final PagerDutyChanges changes;
  private final AlertsReceived received;

  PagerDutyController(
      IntegrationToken token,
      AlertGroups groups,
      PagerDutyChanges changes,
      AlertsReceived received) {
    this.token = token;
    this.groups = groups;
    this.changes = changes;
    this.received = received;
  }

  @Post(uri = "/enqueue", consumes = MediaType.ALL, produces = MediaType.APPLICATION_JSON)
  @ExecuteOn(TaskExecutors.BLOCKING)
  HttpResponse<?> enqueue(@Body @Nullable String body) {
    PagerDutyEvent event;
    try {
      JsonNode root = Json.object(body);
      if (!token.matches(PagerDutyEvent.routingKey(root))) {
        received.count(AlertSource.PAGERDUTY, "unauthorized");
        String message =
            token.configured()
                ? "routing_key is not this Warroom's integration token"
                : "alerts are off: set WARROOM_INTEGRATION_TOKEN";
        return HttpResponse.status(HttpStatus.UNAUTHORIZED)
            .body(Map.of("status", "unauthorized", "message", message));
      }
      event = PagerDutyEvent.parse(root, UUID.randomUUID().toString().replace("-", ""));
    } catch (BadPayload bad) {
      received.count(AlertSource.PAGERDUTY, "bad_request");
      return HttpResponse.badRequest(
          Map.of(
              "status", "invalid event",
              "message", "Event object is invalid",
              "errors", List.of(bad.getMessage())));
    }
    AlertGroups.Outcome outcome;
    try {
      outcome = groups.apply(AlertSource.PAGERDUTY, event.dedupKey(), changes.of(event));
    } catch (RuntimeException failed) {
      received.count(AlertSource.PAGERDUTY, "failed");
      LOG.error("A PagerDuty event could not be stored; the sender will retry", failed);
      return HttpResponse.status(HttpStatus.SERVICE_UNAVAILABLE)
          .body(Map.of("status", "error", "message", "the event could not be stored; retry"));
    }
    received.count(AlertSource.PAGERDUTY, outcome);
    return HttpResponse.status(HttpStatus.ACCEPTED)
        .body(
            Map.of(
                "status", "success", "message", "Event processed", "dedup_key", event.dedupKey()));
  }

  /** A body over 1 MB: refused before it is parsed, counted, nothing stored. */
  @Error(exception = ContentLengthExceededException.class)
  HttpResponse<?> tooLarge() {
    received.count(AlertSource.PAGERDUTY, "too_large");
    return HttpResponse.status(HttpStatus.REQUEST_ENTITY_TOO_LARGE)
        .body(
            Map.of(
                "status", "invalid event",
                "message", "Event object is too large",
                "errors", List.of("the body is over 1 MB")));
  }
}
