package io.warroom.slack;

import com.slack.api.bolt.App;
import com.slack.api.bolt.context.Context;
import com.slack.api.bolt.response.Response;
import jakarta.inject.Singleton;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The one place every Slack listener is registered with Bolt. */
@Singleton
class ListenerRegistrar {

  private static final Logger LOG = LoggerFactory.getLogger(ListenerRegistrar.class);

  private final IncidentCommandRouter commands;
  private final List<ActionListener> actions;
  private final List<ViewListener> views;

  ListenerRegistrar(
      IncidentCommandRouter commands, List<ActionListener> actions, List<ViewListener> views) {
    this.commands = commands;
    this.actions = actions;
    this.views = views;
  }

  void register(App app) {
    app.command(SlackIds.COMMAND, commands::handle);
    for (ActionListener listener : actions) {
      app.blockAction(
          SlackIds.actionId(listener.action()),
          (req, ctx) -> guarded(listener.action().name(), ctx, () -> listener.handle(req, ctx)));
    }
    for (ViewListener listener : views) {
      app.viewSubmission(
          listener.callbackId(),
          (req, ctx) -> guarded(listener.callbackId(), ctx, () -> listener.handle(req, ctx)));
    }
  }

  /** A handler that failed still acks: Slack must not show a timeout, and the log says why. */
  private static Response guarded(String what, Context ctx, Handler handler) {
    try {
      return handler.handle();
    } catch (Exception e) {
      LOG.error("{} failed", what, e);
      return ctx.ack();
    }
  }

  @FunctionalInterface
  private interface Handler {
    Response handle() throws Exception;
  }
}
