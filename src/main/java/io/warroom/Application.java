package io.warroom;

import io.micronaut.context.env.Environment;
import io.micronaut.runtime.Micronaut;
import io.warroom.config.LoggingConfigurator;
import io.warroom.config.StartupProblem;
import io.warroom.health.GracefulStop;
import io.warroom.sandbox.Sandbox;
import io.warroom.sandbox.TrainingRun;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Starts Warroom. A configuration or database problem stops start-up with one line that names the
 * setting to fix; anything unexpected keeps Micronaut's full report.
 */
public class Application extends Micronaut {

  public static void main(String[] args) {
    Application app = new Application();
    app.mainClass(Application.class).args(args).banner(false);
    boolean training = TrainingRun.requested(args);
    if (training || Sandbox.wanted(System.getenv())) {
      // No Slack to talk to: a local workspace takes its place on both sides of the wire.
      Map<String, Object> trainingSettings = Map.of();
      if (training) {
        LoggingConfigurator.warningsOnly();
        trainingSettings = TrainingRun.prepare();
      }
      Sandbox sandbox = Sandbox.start();
      Map<String, Object> settings = new HashMap<>(sandbox.settings(System.getenv()));
      settings.putAll(trainingSettings); // its own database, over the sandbox's
      app.properties(settings).singletons(sandbox);
    }
    // SIGTERM: not ready, finish the requests in flight, hand the war rooms over, exit (SPEC 15).
    app.start().findBean(GracefulStop.class).ifPresent(GracefulStop::takeSigterm);
  }

  @Override
  protected void handleStartupException(Environment environment, Throwable exception) {
    Optional<String> line =
        StartupProblem.findIn(exception)
            .map(Throwable::getMessage)
            .or(() -> databaseProblem(environment, exception));
    if (line.isPresent() && !environment.getActiveNames().contains(Environment.TEST)) {
      System.err.println("warroom: cannot start: " + line.get());
      System.exit(1);
    }
    super.handleStartupException(environment, exception);
  }

  /** A database that cannot be reached or migrated, named by the setting that points at it. */
  static Optional<String> databaseProblem(Environment environment, Throwable exception) {
    Throwable sql = null;
    for (Throwable t = exception; t != null && t.getCause() != t; t = t.getCause()) {
      if (t instanceof SQLException
          || t.getClass().getName().startsWith("org.flywaydb")
          || t.getClass().getName().contains("PoolInitializationException")) {
        sql = t;
      }
    }
    if (sql == null) {
      return Optional.empty();
    }
    Throwable root = sql;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String url = environment.getProperty("datasources.default.url", String.class).orElse("?");
    return Optional.of(
        "DATASOURCES_DEFAULT_URL="
            + maskCredentials(url)
            + ": the database cannot be reached or prepared ("
            + oneLine(root.getMessage() == null ? root.toString() : root.getMessage())
            + ")");
  }

  static String maskCredentials(String url) {
    return url.replaceAll("(?i)(password=)[^&;]*", "$1***").replaceAll("//[^/@]+@", "//***@");
  }

  private static String oneLine(String text) {
    String line = text.replaceAll("\\s+", " ").strip();
    return line.length() > 200 ? line.substring(0, 200) + "…" : line;
  }
}
