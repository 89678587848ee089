package io.warroom.alert;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import jakarta.inject.Singleton;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one way an Alertmanager or Grafana notification is taken in: token, then shape, then stored;
 * 401 / 400 store nothing, 503 only when storing failed (the sender retries a 5xx).
 */
@Singleton
class WebhookIntake {

  private static final Logger LOG = LoggerFactory.getLogger(WebhookIntake.class);

  private final IntegrationToken token;
  private final AlertGroups groups;
  private final GroupStates states;
  private final AlertsReceived received;

  WebhookIntake(
      IntegrationToken token, AlertGroups groups, GroupStates states, AlertsReceived received) {
    this.token = token;
    this.groups = groups;
    this.states = states;
    this.received = received;
  }

  HttpResponse<?> take(AlertSource source, String version, String authorization, String body) {
    if (!token.bearer(authorization)) {
      received.count(source, "unauthorized");
      String error =
          token.configured()
              ? "send Authorization: Bearer <WARROOM_INTEGRATION_TOKEN>"
              : "alerts are off: set WARROOM_INTEGRATION_TOKEN";
      return HttpResponse.status(HttpStatus.UNAUTHORIZED)
          .header("WWW-Authenticate", "Bearer realm=\"warroom\"")
          .body(Map.of("error", error));
    }
    Notification n;
    try {
      n = WebhookPayload.parse(source, version, body);
    } catch (BadPayload bad) {
      received.count(source, "bad_request");
      return HttpResponse.badRequest(Map.of("error", bad.getMessage()))
          .contentType(MediaType.APPLICATION_JSON_TYPE);
    }
    AlertGroups.Outcome outcome;
    try {
      outcome = groups.apply(source, n.sourceKey(), stored -> Optional.of(states.of(n, null)));
    } catch (RuntimeException failed) {
      received.count(source, "failed");
      LOG.error(
          "A {} notification could not be stored; the sender will retry", source.key(), failed);
      return HttpResponse.status(HttpStatus.SERVICE_UNAVAILABLE)
          .body(Map.of("error", "the alert could not be stored; retry later"));
    }
    received.count(source, outcome);
    return HttpResponse.ok(
        Map.of("status", "success", "outcome", outcome.name().toLowerCase(Locale.ROOT)));
  }

  HttpResponse<?> tooLarge(AlertSource source) {
    received.count(source, "too_large");
    return HttpResponse.status(HttpStatus.REQUEST_ENTITY_TOO_LARGE)
        .body(Map.of("error", "the body is over 1 MB; set max_alerts on the receiver"));
  }
}
