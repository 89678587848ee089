package io.warroom.config;

import io.micronaut.data.connection.ConnectionOperations;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.warroom.chat.ChatAuthState;
import java.sql.Connection;
import java.util.Map;

/**
 * {@code GET /health}: 200 when Warroom and its database are up, 503 when the database does not
 * answer. No details about the database, so nothing about it leaks. While Slack refuses the bot
 * token, the answer is still 200 (restarting would not help) but says so: {@code "status":
 * "DEGRADED"}, {@code "slack": "TOKEN_REFUSED"} and Slack's error (for a missing scope, the scope
 * needed), so whoever looks knows what to fix.
 */
@Controller("/health")
class HealthController {

  private final ConnectionOperations<Connection> connections;
  private final ChatAuthState slack;

  HealthController(ConnectionOperations<Connection> connections, ChatAuthState slack) {
    this.connections = connections;
    this.slack = slack;
  }

  @Get
  @ExecuteOn(TaskExecutors.BLOCKING)
  HttpResponse<Map<String, String>> health() {
    boolean up;
    try {
      up = connections.executeRead(status -> valid(status.getConnection()));
    } catch (RuntimeException e) {
      up = false;
    }
    if (up && !slack.accepted()) {
      String problem = slack.refusal().map(ChatAuthState.Refusal::describe).orElse("");
      return HttpResponse.ok(
          Map.of("status", "DEGRADED", "slack", "TOKEN_REFUSED", "slackError", problem));
    }
    return up
        ? HttpResponse.ok(Map.of("status", "UP"))
        : HttpResponse.<Map<String, String>>status(HttpStatus.SERVICE_UNAVAILABLE)
            .body(Map.of("status", "DOWN"));
  }

  private static boolean valid(Connection connection) {
    try {
      return connection.isValid(2);
    } catch (java.sql.SQLException e) {
      return false;
    }
  }
}
