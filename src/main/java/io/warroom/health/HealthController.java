package io.warroom.health;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.warroom.chat.ChatAuthState;
import java.util.Map;
import java.util.Optional;

/**
 * The probes of SPEC section 15. {@code /health/live} answers on the event loop and touches
 * nothing, so a database blip never gets a replica restarted. {@code /health/ready} (and {@code
 * /health}, the same question) answers 503 with a one-line reason when a {@link ReadinessCheck}
 * fails or Warroom is stopping. No details beyond that reason, so nothing about the database leaks.
 * While Slack refuses a token it had accepted, the answer stays 200 (requests are still acked and
 * queued) but says {@code "status": "DEGRADED"}, {@code "slack": "TOKEN_REFUSED"} and Slack's error
 * (for a missing scope, the scope needed), so whoever looks knows what to fix.
 */
@Controller("/health")
class HealthController {

  private final Readiness readiness;
  private final ChatAuthState slack;

  HealthController(Readiness readiness, ChatAuthState slack) {
    this.readiness = readiness;
    this.slack = slack;
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
    if (problem.isPresent()) {
      return HttpResponse.<Map<String, String>>status(HttpStatus.SERVICE_UNAVAILABLE)
          .body(Map.of("status", "DOWN", "reason", problem.get()));
    }
    Optional<ChatAuthState.Refusal> refusal = slack.refusal();
    if (refusal.isPresent()) {
      // Still ready: requests are acked and queued; delivery resumes once the token is fixed.
      return HttpResponse.ok(
          Map.of(
              "status", "DEGRADED",
              "slack", "TOKEN_REFUSED",
              "slackError", refusal.get().describe()));
    }
    return HttpResponse.ok(Map.of("status", "UP"));
  }
}
