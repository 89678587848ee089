package io.warroom.config;

import io.micronaut.data.connection.ConnectionOperations;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.sql.Connection;
import java.util.Map;

/**
 * {@code GET /health}: 200 when Warroom and its database are up, 503 when the database does not
 * answer. No details, so nothing about the database leaks.
 */
@Controller("/health")
class HealthController {

  private final ConnectionOperations<Connection> connections;

  HealthController(ConnectionOperations<Connection> connections) {
    this.connections = connections;
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
