package io.warroom.alert;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Error;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.exceptions.ContentLengthExceededException;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

/** The Alertmanager and Grafana webhooks (SPEC section 11). */
@Controller("/integrations")
class WebhookController {

  private final WebhookIntake intake;

  WebhookController(WebhookIntake intake) {
    this.intake = intake;
  }

  /** {@code POST /integrations/alertmanager}: Prometheus Alertmanager's webhook, version "4". */
  @Post(uri = "/alertmanager", consumes = MediaType.ALL, produces = MediaType.APPLICATION_JSON)
  @ExecuteOn(TaskExecutors.BLOCKING)
  HttpResponse<?> alertmanager(
      @Header(HttpHeaders.AUTHORIZATION) @Nullable String authorization,
      @Body @Nullable String body) {
    return intake.take(AlertSource.ALERTMANAGER, "4", authorization, body);
  }

  /** {@code POST /integrations/grafana}: Grafana Alerting's webhook contact point, version "1". */
  @Post(uri = "/grafana", consumes = MediaType.ALL, produces = MediaType.APPLICATION_JSON)
  @ExecuteOn(TaskExecutors.BLOCKING)
  HttpResponse<?> grafana(
      @Header(HttpHeaders.AUTHORIZATION) @Nullable String authorization,
      @Body @Nullable String body) {
    return intake.take(AlertSource.GRAFANA, "1", authorization, body);
  }

  /** A body over 1 MB: refused before it is parsed, counted, nothing stored. */
  @Error(exception = ContentLengthExceededException.class)
  HttpResponse<?> tooLarge(HttpRequest<?> request) {
    return intake.tooLarge(
        request.getPath().endsWith("/grafana") ? AlertSource.GRAFANA : AlertSource.ALERTMANAGER);
  }
}
