package io.warroom;

import io.micronaut.context.env.Environment;
import io.micronaut.runtime.Micronaut;
import io.warroom.config.StartupProblem;
import java.util.Optional;

/**
 * Starts Warroom. A configuration or database problem stops start-up with one line that names the
 * setting to fix; anything unexpected keeps Micronaut's full report.
 */
public class Application extends Micronaut {

  public static void main(String[] args) {
    new Application().mainClass(Application.class).args(args).banner(false).start();
  }

  @Override
  protected void handleStartupException(Environment environment, Throwable exception) {
    Optional<StartupProblem> problem = StartupProblem.findIn(exception);
    if (problem.isPresent() && !environment.getActiveNames().contains(Environment.TEST)) {
      System.err.println("warroom: cannot start: " + problem.get().getMessage());
      System.exit(1);
    }
    super.handleStartupException(environment, exception);
  }
}
