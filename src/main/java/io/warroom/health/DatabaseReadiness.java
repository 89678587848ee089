package io.warroom.health;

import io.micronaut.data.connection.ConnectionOperations;
import io.warroom.config.DaemonThreads;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Ready only when the database answers within 1 s. The pool may wait longer for a connection, so
 * the question runs on a thread of its own; while an earlier question still hangs, no new one is
 * asked, so a database outage does not pile up threads. Migrations need no check: Flyway runs them
 * before the HTTP server starts.
 */
@Singleton
class DatabaseReadiness implements ReadinessCheck {

  static final long LIMIT_MILLIS = 1000;

  private final ConnectionOperations<Connection> connections;
  private final ExecutorService asker =
      Executors.newSingleThreadExecutor(DaemonThreads.named("readiness-db-"));
  private Future<Boolean> pending;

  DatabaseReadiness(ConnectionOperations<Connection> connections) {
    this.connections = connections;
  }

  @Override
  public synchronized Optional<String> problem() {
    if (pending == null || pending.isDone()) {
      pending = asker.submit(this::answers);
    }
    try {
      return pending.get(LIMIT_MILLIS, TimeUnit.MILLISECONDS)
          ? Optional.empty()
          : Optional.of("database did not answer");
    } catch (TimeoutException e) {
      return Optional.of("database did not answer within 1 s");
    } catch (ExecutionException e) {
      return Optional.of("database did not answer");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.of("interrupted");
    }
  }

  private boolean answers() {
    try {
      return connections.executeRead(status -> valid(status.getConnection()));
    } catch (RuntimeException e) {
      return false;
    }
  }

  private static boolean valid(Connection connection) {
    try {
      return connection.isValid(1);
    } catch (SQLException e) {
      return false;
    }
  }

  @PreDestroy
  void stop() {
    asker.shutdownNow();
  }
}
