package io.warroom.slack.inbound;

import com.slack.api.app_backend.slash_commands.payload.SlashCommandPayload;
import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.request.builtin.SlashCommandRequest;
import com.slack.api.bolt.response.Response;
import io.warroom.incident.Refusal;
import io.warroom.room.WarRooms;
import io.warroom.slack.SlackText;
import jakarta.inject.Singleton;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Routes {@code /incident <subcommand> ...} to its {@link CommandListener}. No subcommand means
 * {@code declare}; an unknown one gets the help. A {@link Refusal} becomes a private message saying
 * what to type instead. Commands that may wait for the database answer within Slack's three seconds
 * through {@link CommandDeadline}. A command declared {@link CommandSpec.Where#INCIDENT_CHANNEL}
 * reaches its listener only from an incident's channel, with that incident; anywhere else the
 * router refuses, one rule for all of them.
 */
@Singleton
class IncidentCommandRouter {

  private static final Logger LOG = LoggerFactory.getLogger(IncidentCommandRouter.class);

  private final Map<String, CommandListener> byName = new HashMap<>();
  private final CommandListener help;
  private final CommandListener declare;
  private final CommandDeadline deadline;
  private final Replays replays;
  private final Function<String, Optional<Long>> incidentIn;

  IncidentCommandRouter(
      List<CommandListener> listeners, CommandDeadline deadline, Replays replays, WarRooms rooms) {
    this.deadline = deadline;
    this.replays = replays;
    this.incidentIn = rooms::incidentIn;
    for (CommandListener l : listeners) {
      CommandSpec spec = l.spec();
      if (spec.inIncidentChannel() && l.answersInTime()) {
        throw new IllegalStateException(
            "/incident "
                + spec.name()
                + " finds its channel's incident in the database, so it"
                + " cannot answer in time by itself");
      }
      register(spec.name(), l);
      spec.aliases().forEach(a -> register(a, l));
    }
    this.help = byName.get("help");
    this.declare = byName.get("declare");
  }

  private void register(String word, CommandListener listener) {
    CommandListener before = byName.putIfAbsent(word, listener);
    if (before != null) {
      throw new IllegalStateException(
          "Two listeners answer /incident "
              + word
              + ": "
              + before.getClass().getName()
              + " and "
              + listener.getClass().getName());
    }
  }

  Response handle(SlashCommandRequest request, SlashCommandContext ctx) {
    SlashCommandPayload p = request.getPayload();
    String[] split = SlackText.firstWord(p.getText());
    String word = split[0].toLowerCase(Locale.ROOT);
    CommandListener listener = word.isEmpty() ? declare : byName.getOrDefault(word, help);
    String args =
        word.isEmpty() || listener == help && !word.equals("help") ? p.getText() : split[1];
    CommandCall call =
        new CommandCall(
            p.getUserId(),
            p.getChannelId(),
            p.getTriggerId(),
            p.getResponseUrl(),
            args == null ? "" : args,
            null);
    if (listener.answersInTime()) {
      // help changes nothing; declare keeps its own ledger of the requests it declared for
      return answer(listener, word, call, ctx, () -> true, incidentIn);
    }
    return deadline.answer(
        listener.spec().name(),
        call,
        ctx,
        () -> answer(listener, word, call, ctx, () -> replays.firstTime(request), incidentIn));
  }

  /**
   * The listener's answer; a refusal or a failure becomes a private message saying so. A replayed
   * request (not {@code firstTime}) is acked and does nothing; the replay ledger's own database
   * trouble, and the room lookup's, is answered like the listener's.
   */
  static Response answer(
      CommandListener listener,
      String word,
      CommandCall call,
      SlashCommandContext ctx,
      BooleanSupplier firstTime,
      Function<String, Optional<Long>> incidentIn) {
    try {
      if (!firstTime.getAsBoolean()) {
        return ctx.ack();
      }
      return listener.handle(placed(listener.spec(), call, incidentIn), ctx);
    } catch (Refusal refusal) {
      return Replies.refuse(ctx, refusal.getMessage());
    } catch (Exception e) {
      if (DatabaseTrouble.causedBy(e)) {
        LOG.warn("/incident {} failed: the database did not answer: {}", word, e.toString());
        return Replies.refuse(ctx, DatabaseTrouble.NOTHING_CHANGED);
      }
      LOG.error("/incident {} failed", word, e);
      return Replies.refuse(
          ctx,
          "Something went wrong inside Warroom and nothing was changed. Try again; if it keeps"
              + " failing, the Warroom logs say why.");
    }
  }

  /**
   * The call as the listener gets it: an {@link CommandSpec.Where#INCIDENT_CHANNEL} command gets
   * the channel's incident, or is refused saying where to type it.
   */
  static CommandCall placed(
      CommandSpec spec, CommandCall call, Function<String, Optional<Long>> incidentIn) {
    if (!spec.inIncidentChannel()) {
      return call;
    }
    long incidentId =
        incidentIn
            .apply(call.channelId())
            .orElseThrow(
                () ->
                    new Refusal(
                        "Run `/incident "
                            + spec.example()
                            + "` in an incident's channel. `/incident list` shows the open"
                            + " incidents and their channels."));
    return call.in(incidentId);
  }
}
