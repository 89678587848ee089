package io.warroom.config;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.Optional;

/**
 * Marks the database once a real Slack workspace has accepted Warroom's token, so that the sandbox
 * can refuse it: a sandbox on a production database would claim its rooms, sweep its outbox and
 * answer its health checks (SPEC section 10).
 */
@Singleton
public class ConnectedWorkspaces {

  private final ConnectedWorkspaceRepository workspaces;
  private final Clock clock;

  ConnectedWorkspaces(ConnectedWorkspaceRepository workspaces, Clock clock) {
    this.workspaces = workspaces;
    this.clock = clock;
  }

  /** Records that Slack workspace {@code teamId} was reached with this database. */
  @Transactional
  public void mark(String teamId) {
    workspaces.mark(teamId, clock.instant());
  }

  /** The first Slack workspace a Warroom reached with this database, if any. */
  @Transactional
  public Optional<String> first() {
    return workspaces.findFirstOrderByConnectedAt().map(ConnectedWorkspace::teamId);
  }
}
