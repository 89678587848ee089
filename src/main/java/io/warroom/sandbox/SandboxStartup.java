package io.warroom.sandbox;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.ShutdownEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import jakarta.inject.Singleton;
import java.io.PrintStream;
import java.net.URI;
import java.util.Optional;

/**
 * Once Warroom's HTTP server is up, points the local workspace at its {@code /slack/events}, as
 * setting the Request URL in Slack's app settings would, and prints the one line that says where
 * the sandbox is; or, in a {@link TrainingRun}, starts the run instead.
 */
@Singleton
@Requires(beans = Sandbox.class)
class SandboxStartup {

  private final Sandbox sandbox;
  private final Optional<TrainingRun> trainingRun;

  SandboxStartup(Sandbox sandbox, Optional<TrainingRun> trainingRun) {
    this.sandbox = sandbox;
    this.trainingRun = trainingRun;
  }

  @EventListener
  void onStarted(ServerStartupEvent event) {
    EmbeddedServer server = event.getSource();
    sandbox.slack().connect(URI.create("http://127.0.0.1:" + server.getPort() + "/slack/events"));
    if (trainingRun.isPresent()) {
      trainingRun.get().start(); // nobody is going to open the page
      return;
    }
    boolean tokenSet = !System.getenv().getOrDefault("SLACK_BOT_TOKEN", "").isBlank();
    announce(System.out, server.getPort(), tokenSet);
  }

  static void announce(PrintStream out, int port, boolean tokenSet) {
    out.println(
        "Warroom sandbox: open http://localhost:"
            + port
            + "/sandbox ("
            + (tokenSet
                ? "WARROOM_SANDBOX=true: the Slack settings are ignored"
                : "no SLACK_BOT_TOKEN, so no Slack workspace is connected")
            + ")");
    out.flush();
  }

  @EventListener
  void onShutdown(ShutdownEvent event) {
    sandbox.close();
  }
}
