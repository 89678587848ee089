package io.warroom.metrics;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

/**
 * {@code GET /metrics}: Prometheus's text exposition format (version 0.0.4). Like {@code /health},
 * it needs no token: it names no incident, person or secret, only counts and times.
 */
@Controller("/metrics")
class MetricsController {

  static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

  private final PrometheusMeterRegistry registry;
  private final StateGauges state;

  MetricsController(PrometheusMeterRegistry registry, StateGauges state) {
    this.registry = registry;
    this.state = state;
  }

  @Get
  @ExecuteOn(TaskExecutors.BLOCKING)
  HttpResponse<String> scrape() {
    state.refresh();
    return HttpResponse.ok(registry.scrape()).contentType(CONTENT_TYPE);
  }
}
