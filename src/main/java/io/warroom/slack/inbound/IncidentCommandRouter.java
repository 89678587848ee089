package io.warroom.slack.inbound;

import com.slack.api.app_backend.slash_commands.payload.SlashCommandPayload;
import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.request.builtin.SlashCommandRequest;
import com.slack.api.bolt.response.Response;
import io.warroom.incident.Refusal;
import io.warroom.slack.SlackText;
import jakarta.inject.Singleton;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Routes {@code /incident <subcommand> ...} to its {@link CommandListener}. No subcommand means
 * {@code declare}; an unknown one gets the help. A {@link Refusal} becomes a private message saying
 * what to type instead. Commands that may wait for the database answer within Slack's three seconds
 * through {@link CommandDeadline}.
 */
@Singleton
class IncidentCommandRouter {

  private static final Logger LOG = LoggerFactory.getLogger(IncidentCommandRouter.class);

  private final Map<String, CommandListener> byName = new HashMap<>();
  private final CommandListener help;
  private final CommandListener declare;
  private final CommandDeadline deadline;
  private final Replays replays;

  IncidentCommandRouter(
      List<CommandListener> listeners, CommandDeadline deadline, Replays replays) {
    this.deadline = deadline;
    this.replays = replays;
    for (CommandListener l : listeners) {
      byName.put(l.name(), l);
      l.aliases().forEach(a -> byName.put(a, l));
    }
    this.help = byName.get("help");
    this.declare = byName.get("declare");
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
            args == null ? "" : args);
    if (listener.answersInTime()) {
      // help changes nothing; declare keeps its own ledger of the requests it declared for
      return answer(listener, word, call, ctx, () -> true);
    }
    return deadline.answer(
        listener.name(),
        call,
        ctx,
        () -> answer(listener, word, call, ctx, () -> replays.firstTime(request)));
  }

  /**
   * The listener's answer; a refusal or a failure becomes a private message saying so. A replayed
   * request (not {@code firstTime}) is acked and does nothing; the replay ledger's own database
   * trouble is answered like the listener's.
   */
  private static Response answer(
      CommandListener listener,
      String word,
      CommandCall call,
      SlashCommandContext ctx,
      BooleanSupplier firstTime) {
    try {
      if (!firstTime.getAsBoolean()) {
        return ctx.ack();
      }
      return listener.handle(call, ctx);
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
}
