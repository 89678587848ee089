package io.warroom.health;

import jakarta.inject.Singleton;
import java.util.List;
import java.util.Optional;

/**
 * Whether this replica should be sent traffic: not while it is stopping, nor while any {@link
 * ReadinessCheck} reports a problem.
 */
@Singleton
public class Readiness {

  private final List<ReadinessCheck> checks;
  private volatile boolean stopping;

  Readiness(List<ReadinessCheck> checks) {
    this.checks = List.copyOf(checks);
  }

  /** Empty when ready; otherwise the first reason why not. */
  public Optional<String> problem() {
    if (stopping) {
      return Optional.of("shutting down");
    }
    for (ReadinessCheck check : checks) {
      Optional<String> problem = check.problem();
      if (problem.isPresent()) {
        return problem;
      }
    }
    return Optional.empty();
  }

  /** From now on the replica answers 503 to readiness probes, for good. */
  void stopping() {
    stopping = true;
  }

  public boolean isStopping() {
    return stopping;
  }
}
