package io.warroom.config;

import java.util.Optional;

/** A problem that stops start-up; its message is one line naming the setting to fix. */
public class StartupProblem extends RuntimeException {

  public StartupProblem(String message) {
    super(message);
  }

  public StartupProblem(String message, Throwable cause) {
    super(message, cause);
  }

  /** The first {@code StartupProblem} in a cause chain, however deeply the container wrapped it. */
  public static Optional<StartupProblem> findIn(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof StartupProblem problem) {
        return Optional.of(problem);
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return Optional.empty();
  }
}
