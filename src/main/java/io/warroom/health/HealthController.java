package io.warroom.health;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.util.Map;
import java.util.Optional;

/**
 * The probes of SPEC section 15. {@code /health/live} answers on the event loop and touches
 * nothing, so a database blip never gets a replica restarted. {@code /health/ready} (and {@code
 * /health}, the same question) answers 503 with a one-line reason when a {@link ReadinessCheck}
 * fails or Warroom is stopping. No details beyond that reason, so nothing about the database leaks.
 */
@Controller("/health")
class HealthController {

  private final Readiness readiness;

  HealthController(Readiness readiness) {
    this.readiness = readiness;
  }

  @Get("/live")
  Map<String, String> live() {
    return Map.of("status", "UP");
  }

  @Get
  @ExecuteOn(TaskExecutors.BLOCKING)
  HttpResponse<Map<String, String>> health() {
    return ready();
  }

  @Get("/ready")
  @ExecuteOn(TaskExecutors.BLOCKING)
  HttpResponse<Map<String, String>> ready() {
    Optional<String> problem = readiness.problem();
    return problem.isEmpty()
        ? HttpResponse.ok(Map.of("status", "UP"))
        : HttpResponse.<Map<String, String>>status(HttpStatus.SERVICE_UNAVAILABLE)
            .body(Map.of("status", "DOWN", "reason", problem.get()));
  }
}
