package io.warroom.slack;

import com.slack.api.bolt.App;
import com.slack.api.bolt.context.Context;
import com.slack.api.bolt.response.Response;
import com.slack.api.model.event.Event;
import io.warroom.pacing.AckFirst;
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
  private final List<SlackEventListener<?>> events;
  private final AckFirst ackFirst;

  ListenerRegistrar(
      IncidentCommandRouter commands,
      List<ActionListener> actions,
      List<ViewListener> views,
      List<SlackEventListener<?>> events,
      AckFirst ackFirst) {
    this.ackFirst = ackFirst;
    this.commands = commands;
    this.actions = actions;
    this.views = views;
    this.events = events;
  }

  void register(App app) {
    app.command(SlackIds.COMMAND, (req, ctx) -> counted(() -> commands.handle(req, ctx)));
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
    for (SlackEventListener<?> listener : events) {
      registerEvent(app, listener);
    }
  }

  private <E extends Event> void registerEvent(App app, SlackEventListener<E> listener) {
    app.event(
        listener.type(),
        (payload, ctx) ->
            counted(
                () -> {
                  listener.handle(payload, ctx);
                  return ctx.ack();
                }));
  }

  /**
   * A command's or event's failure is not swallowed: the adapter answers 500, so Slack shows the
   * user an error or delivers the event again.
   */
  private Response counted(AckFirst.Work<Response> handler) {
    try {
      return ackFirst.answering(handler);
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** A handler that failed still acks: Slack must not show a timeout, and the log says why. */
  private Response guarded(String what, Context ctx, AckFirst.Work<Response> handler) {
    try {
      return ackFirst.answering(handler);
    } catch (Exception e) {
      LOG.error("{} failed", what, e);
      return ctx.ack();
    }
  }
}
