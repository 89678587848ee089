package io.warroom.slack.inbound;

import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.response.Response;
import io.micronaut.context.annotation.Value;
import io.warroom.config.DaemonThreads;
import io.warroom.slack.webapi.AfterAck;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers a command within Slack's three seconds even when its work takes longer (a slow or locked
 * database). Slack shows the user an error after 3 s without saying whether the command was done,
 * and a user who sees it types the command again: a second update, note or task.
 *
 * <p>The work runs on a thread of its own while the request waits for it, at most 2 s (internal
 * setting {@code warroom.commands.patience}). If it is done by then, its answer is the ack, as if
 * nothing had happened. If not:
 *
 * <ul>
 *   <li>work that has not begun is withdrawn and never runs, and the user is told nothing was done;
 *   <li>work that has begun goes on; the user is told so, and its answer follows through the
 *       command's response URL when it is done.
 * </ul>
 */
@Singleton
class CommandDeadline {

  private static final Logger LOG = LoggerFactory.getLogger(CommandDeadline.class);

  private final AfterAck afterAck;
  private final Duration patience;
  private final ThreadPoolExecutor pool;

  /**
   * @param patience how long the request waits for the work: 2 s leaves Slack's 3 s room for the
   *     network and for the request's own handling
   */
  CommandDeadline(
      AfterAck afterAck,
      @Value("${warroom.commands.patience:2s}") Duration patience,
      @Value("${warroom.commands.threads:8}") int threads) {
    this.afterAck = afterAck;
    this.patience = patience;
    int size = Math.max(1, threads);
    this.pool =
        new ThreadPoolExecutor(
            size,
            size,
            60,
            TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(1000),
            DaemonThreads.named("command-"));
  }

  /**
   * Runs the work of {@code /incident <command>} and returns the ack: the work's own answer if it
   * is done within the patience, otherwise what became of it.
   */
  Response answer(
      String command, CommandCall call, SlashCommandContext ctx, Supplier<Response> work) {
    Outcome outcome = attempt("/incident " + command, work);
    if (outcome instanceof Outcome.Done done) {
      return done.response();
    }
    if (outcome instanceof Outcome.Late late) {
      late.answer().thenAccept(r -> answerLate(command, call, ctx, r));
      return Replies.ephemeral(
          ctx,
          ":hourglass_flowing_sand: Warroom's database is slow, so `/incident "
              + command
              + "` is taking longer than usual. It is still being done, and you will be told"
              + " here when it is: don't type it again.");
    }
    return Replies.refuse(ctx, notDone(command));
  }

  /** What became of work given {@link #attempt}. */
  sealed interface Outcome {
    /** Done within the patience: its own answer is the ack. */
    record Done(Response response) implements Outcome {}

    /** Not begun within the patience (or no room to queue it): withdrawn, it never runs. */
    record NotDone() implements Outcome {}

    /** Begun but not done within the patience; it goes on, and its answer comes here. */
    record Late(CompletableFuture<Response> answer) implements Outcome {}
  }

  /**
   * Runs the work of a Slack request (a command, a button, a modal submission) on the request
   * threads, waiting at most the patience for it: what the ack can say depends on the outcome.
   */
  Outcome attempt(String what, Supplier<Response> work) {
    Task task = new Task(work);
    try {
      pool.execute(task);
    } catch (RejectedExecutionException busy) {
      LOG.warn("{} refused: {} requests are waiting already", what, pool.getQueue().size());
      return new Outcome.NotDone();
    }
    try {
      return new Outcome.Done(task.answer.get(patience.toMillis(), TimeUnit.MILLISECONDS));
    } catch (TimeoutException slow) {
      if (task.withdraw()) {
        LOG.warn("{} withdrawn: it had not begun after {} ms", what, patience.toMillis());
        return new Outcome.NotDone();
      }
      LOG.warn("{} still running after {} ms; it will answer late", what, patience.toMillis());
      return new Outcome.Late(task.answer);
    } catch (ExecutionException e) {
      // The work turns every exception into an answer; only an Error gets here.
      if (e.getCause() instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException(e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while " + what + " ran", e);
    }
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
    return pool.getActiveCount();
  }

  @PreDestroy
  void stop() {
    pool.shutdown();
  }

  /** The work and whether it has begun: a caller that gives up first withdraws it. */
  private static final class Task implements Runnable {
    private static final int QUEUED = 0;
    private static final int BEGUN = 1;
    private static final int WITHDRAWN = 2;

    private final Supplier<Response> work;
    private final CompletableFuture<Response> answer = new CompletableFuture<>();
    private final AtomicInteger state = new AtomicInteger(QUEUED);

    private Task(Supplier<Response> work) {
      this.work = work;
    }

    @Override
    public void run() {
      if (!state.compareAndSet(QUEUED, BEGUN)) {
        return; // withdrawn: its caller told the user nothing was done
      }
      try {
        answer.complete(work.get());
      } catch (RuntimeException | Error e) {
        answer.completeExceptionally(e);
      }
    }

    /** True if the work had not begun, and now never will. */
    private boolean withdraw() {
      return state.compareAndSet(QUEUED, WITHDRAWN);
    }
  }
}
