package io.warroom.slack.inbound;

import com.slack.api.bolt.App;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.response.Response;
import com.slack.api.model.event.Event;
import io.warroom.ack.AckFirst;
import io.warroom.ack.Deadline;
import io.warroom.slack.SlackIds;
import io.warroom.slack.webapi.AfterAck;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The one place every Slack listener is registered with Bolt. */
@Singleton
public class ListenerRegistrar {

  private static final Logger LOG = LoggerFactory.getLogger(ListenerRegistrar.class);
  private static final String SUBMIT_FAILED =
      "Warroom could not save this because of an error on its side (its log says which)."
          + " Submit again; if it keeps failing, use /incident in the channel.";

  private final IncidentCommandRouter commands;
  private final List<ActionListener> actions;
  private final List<ViewListener> views;
  private final List<SlackEventListener<?>> events;
  private final List<MessageShortcutListener> messageShortcuts;
  private final List<GlobalShortcutListener> globalShortcuts;
  private static final String SUBMIT_NOT_SAVED =
      "Warroom's database is not answering, so this was not saved. Submit again in a minute.";
  private static final String SUBMIT_STILL_SAVING =
      "Warroom's database is slow, so this is still being saved. Submit again in a minute to"
          + " be sure: it will not be saved twice.";
  private static final String CLICK_FAILED =
      "Warroom could not do that because of an error on its side (its log says which), so"
          + " nothing changed. Try again in a minute; if it keeps failing, use /incident in the"
          + " channel.";
  private static final String CLICK_NOT_DONE =
      "Warroom's database is not answering, so your click did nothing. Try again in a minute.";
  private static final String CLICK_STILL_RUNNING =
      "Warroom's database is slow, so your click is still being handled. Don't press again.";

  private final AckFirst ackFirst;
  private final Replays replays;
  private final CommandDeadline deadline;
  private final AfterAck afterAck;

  ListenerRegistrar(
      IncidentCommandRouter commands,
      List<ActionListener> actions,
      List<ViewListener> views,
      List<SlackEventListener<?>> events,
      AckFirst ackFirst,
      Replays replays,
      CommandDeadline deadline,
      AfterAck afterAck,
      List<MessageShortcutListener> messageShortcuts,
      List<GlobalShortcutListener> globalShortcuts) {
    this.messageShortcuts = messageShortcuts;
    this.globalShortcuts = globalShortcuts;
    this.ackFirst = ackFirst;
    this.replays = replays;
    this.deadline = deadline;
    this.afterAck = afterAck;
    this.commands = commands;
    this.actions = actions;
    this.views = views;
    this.events = events;
  }

  public void register(App app) {
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
            // An empty ack would close the modal as if it had worked.
            var outcome =
                deadline.attempt(
                    listener.callbackId(),
                    () -> {
                      try {
                        return ackFirst.answering(
                            () -> replays.firstTime(req) ? listener.handle(req, ctx) : ctx.ack());
                      } catch (Exception e) {
                        LOG.error("{} failed", listener.callbackId(), e);
                        String why = DatabaseTrouble.causedBy(e) ? SUBMIT_NOT_SAVED : SUBMIT_FAILED;
                        return ctx.ackWithErrors(Map.of(listener.failureBlock(), why));
                      }
                    });
            if (outcome instanceof Deadline.Done<Response> done) {
              return done.value();
            }
            String why = outcome instanceof Deadline.Late ? SUBMIT_STILL_SAVING : SUBMIT_NOT_SAVED;
            return ctx.ackWithErrors(Map.of(listener.failureBlock(), why));
          });
    }
    for (SlackEventListener<?> listener : events) {
      registerEvent(app, listener);
    }
    // A retried shortcut is handled once: a tracked hypothesis is stored before the ack.
    for (MessageShortcutListener listener : messageShortcuts) {
      app.messageShortcut(
          listener.callbackId(),
          (req, ctx) ->
              counted(() -> replays.firstTime(req) ? listener.handle(req, ctx) : ctx.ack()));
    }
    for (GlobalShortcutListener listener : globalShortcuts) {
      app.globalShortcut(
          listener.callbackId(),
          (req, ctx) ->
              counted(() -> replays.firstTime(req) ? listener.handle(req, ctx) : ctx.ack()));
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

  /**
   * A button is answered within Slack's 3 s whatever the database does, and its presser always
   * learns when their click changed nothing: a handler that failed, or one the database kept from
   * running in time, still acks (Slack must not show a timeout) and tells the presser privately,
   * through the response URL, what happened and what to do.
   */
  private Response guarded(String what, ActionContext ctx, AckFirst.Work<Response> handler) {
    var outcome =
        deadline.attempt(
            what,
            () -> {
              try {
                return ackFirst.answering(handler);
              } catch (Exception e) {
                LOG.error("{} failed", what, e);
                ActionReplies.refuse(
                    ctx,
                    afterAck,
                    DatabaseTrouble.causedBy(e) ? DatabaseTrouble.NOTHING_CHANGED : CLICK_FAILED);
                return ctx.ack();
              }
            });
    if (outcome instanceof Deadline.Done<Response> done) {
      return done.value();
    }
    ActionReplies.refuse(
        ctx, afterAck, outcome instanceof Deadline.Late ? CLICK_STILL_RUNNING : CLICK_NOT_DONE);
    return ctx.ack();
  }
}
