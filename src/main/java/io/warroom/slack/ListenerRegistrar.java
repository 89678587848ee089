package io.warroom.slack;

import com.slack.api.bolt.App;
import com.slack.api.bolt.context.Context;
import com.slack.api.bolt.response.Response;
import com.slack.api.model.event.Event;
import io.warroom.pacing.AckFirst;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The one place every Slack listener is registered with Bolt. */
@Singleton
class ListenerRegistrar {

  private static final Logger LOG = LoggerFactory.getLogger(ListenerRegistrar.class);
  private static final String SUBMIT_FAILED =
      "Warroom could not save this because of an error on its side (its log says which)."
          + " Submit again; if it keeps failing, use /incident in the channel.";

  private final IncidentCommandRouter commands;
  private final List<ActionListener> actions;
  private final List<ViewListener> views;
  private final List<SlackEventListener<?>> events;
  private final AckFirst ackFirst;
  private final Replays replays;

  ListenerRegistrar(
      IncidentCommandRouter commands,
      List<ActionListener> actions,
      List<ViewListener> views,
      List<SlackEventListener<?>> events,
      AckFirst ackFirst,
      Replays replays) {
    this.ackFirst = ackFirst;
    this.replays = replays;
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
          (req, ctx) ->
              guarded(
                  listener.action().name(),
                  ctx,
                  () -> replays.firstTime(req) ? listener.handle(req, ctx) : ctx.ack()));
    }
    for (ViewListener listener : views) {
      app.viewSubmission(
          listener.callbackId(),
          (req, ctx) -> {
            try {
              return ackFirst.answering(
                  () -> replays.firstTime(req) ? listener.handle(req, ctx) : ctx.ack());
            } catch (Exception e) {
              // An empty ack would close the modal as if it had worked.
              LOG.error("{} failed", listener.callbackId(), e);
              return ctx.ackWithErrors(Map.of(listener.failureBlock(), SUBMIT_FAILED));
            }
          });
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

  /** A button whose handler failed still acks: Slack must not show a timeout; the log says why. */
  private Response guarded(String what, Context ctx, AckFirst.Work<Response> handler) {
    try {
      return ackFirst.answering(handler);
    } catch (Exception e) {
      LOG.error("{} failed", what, e);
      return ctx.ack();
    }
  }
}
