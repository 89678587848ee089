package io.warroom.slack.inbound;

import com.slack.api.bolt.App;
import com.slack.api.bolt.socket_mode.SocketModeApp;
import com.slack.api.socket_mode.SocketModeClient;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import io.warroom.config.StartupProblem;
import io.warroom.slack.SlackSettings;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * With {@code SLACK_APP_TOKEN} set, Warroom takes Slack's requests over a Socket Mode WebSocket
 * instead of {@code /slack/events}, so it needs no public URL. Same app, same listeners.
 */
@Singleton
public class SocketModeRunner {

  private static final Logger LOG = LoggerFactory.getLogger(SocketModeRunner.class);

  /** Handlers run in parallel; without this Bolt runs them one at a time. */
  private static final int CONCURRENCY = 8;

  private final SlackSettings settings;
  private final App app;
  private SocketModeApp socketMode;

  /** Up after the connection opened or any message arrived (Slack's hello); down once closed. */
  private volatile boolean connected;

  SocketModeRunner(SlackSettings settings, App app) {
    this.settings = settings;
    this.app = app;
  }

  /**
   * Connects once everything else has started, the HTTP server last: a start-up that stops (a bot
   * token Slack refuses, a database that cannot be migrated) must not have taken requests over the
   * WebSocket, which Slack would then count as delivered.
   */
  @EventListener
  void onStartup(ServerStartupEvent event) {
    if (!settings.socketMode()) {
      return;
    }
    try {
      socketMode =
          new SocketModeApp(
              settings.appToken().orElseThrow(),
              app,
              SocketModeClient.Backend.JavaWebSocket,
              CONCURRENCY);
      socketMode.startAsync(); // connects before it returns
      connected = true;
      socketMode.getClient().addWebSocketCloseListener((code, reason) -> connected = false);
      socketMode.getClient().addWebSocketMessageListener(message -> connected = true);
      LOG.info("Socket Mode connected; Slack requests arrive over the WebSocket");
    } catch (Exception e) {
      throw new StartupProblem(
          "SLACK_APP_TOKEN: cannot open a Socket Mode connection ("
              + e.getMessage()
              + ");"
              + " check the app-level token has the connections:write scope",
          e);
    }
  }

  /** Whether Slack's requests can reach Warroom over the WebSocket, when Socket Mode is used. */
  public boolean connected() {
    return !settings.socketMode() || (socketMode != null && connected);
  }

  @PreDestroy
  void stop() {
    if (socketMode != null) {
      try {
        socketMode.stop();
      } catch (Exception e) {
        LOG.debug("Socket Mode stop: {}", e.toString());
      }
    }
  }
}
