package io.warroom.slack.inbound;

import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.response.Response;
import io.micronaut.context.annotation.Value;
import io.warroom.ack.Deadline;
import io.warroom.slack.webapi.AfterAck;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * Answers a command within Slack's three seconds even when its work takes longer (a slow or locked
 * database). Slack shows the user an error after 3 s without saying whether the command was done,
 * and a user who sees it types the command again: a second update, note or task.
 *
 * <p>The work runs on a thread of its own while the request waits for it, at most 2 s (internal
 * setting {@code warroom.commands.patience}; the rule is {@link Deadline}'s). If it is done by
 * then, its answer is the ack, as if nothing had happened. If not:
 *
 * <ul>
 *   <li>work that has not begun is withdrawn and never runs, and the user is told nothing was done;
 *   <li>work that has begun goes on; the user is told so, and its answer follows through the
 *       command's response URL when it is done.
 * </ul>
 */
@Singleton
class CommandDeadline {

  private final AfterAck afterAck;
  private final Deadline deadline;

  /**
   * @param patience how long the request waits for the work: 2 s leaves Slack's 3 s room for the
   *     network and for the request's own handling
   */
  CommandDeadline(
      AfterAck afterAck,
      @Value("${warroom.commands.patience:2s}") Duration patience,
      @Value("${warroom.commands.threads:8}") int threads) {
    this.afterAck = afterAck;
    this.deadline = new Deadline("command", threads, patience);
  }

  /**
   * Runs the work of {@code /incident <command>} and returns the ack: the work's own answer if it
   * is done within the patience, otherwise what became of it.
   */
  Response answer(
      String command, CommandCall call, SlashCommandContext ctx, Supplier<Response> work) {
    Deadline.Outcome<Response> outcome = attempt("/incident " + command, work);
    if (outcome instanceof Deadline.Done<Response> done) {
      return done.value();
    }
    if (outcome instanceof Deadline.Late<Response> late) {
      late.result().thenAccept(r -> answerLate(command, call, ctx, r));
      return Replies.ephemeral(
          ctx,
          ":hourglass_flowing_sand: Warroom's database is slow, so `/incident "
              + command
              + "` is taking longer than usual. It is still being done, and you will be told"
              + " here when it is: don't type it again.");
    }
    return Replies.refuse(ctx, notDone(command));
  }

  /**
   * Runs the work of a Slack request (a command, a button, a modal submission) on the command
   * threads, waiting at most the patience for it: what the ack can say depends on the outcome. The
   * work turns every exception into an answer.
   */
  Deadline.Outcome<Response> attempt(String what, Supplier<Response> work) {
    return deadline.attempt(what, work);
  }

  private static String notDone(String command) {
    return "Warroom's database is slow, so `/incident "
        + command
        + "` was not done and nothing changed. Type it again in a minute.";
  }

  private void answerLate(String command, CommandCall call, SlashCommandContext ctx, Response r) {
    String body = r.getBody();
    if (body == null || body.isBlank() || call.responseUrl() == null) {
      return; // an empty ack: the work answers by other means (a modal), if at all
    }
    afterAck.run(
        "Answering /incident " + command + " late",
        () -> ctx.getSlack().send(call.responseUrl(), body));
  }

  /** For tests: the command threads running a command now. */
  int busyThreads() {
    return deadline.busyThreads();
  }

  @PreDestroy
  void stop() {
    deadline.close();
  }
}
