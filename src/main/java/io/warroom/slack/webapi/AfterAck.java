package io.warroom.slack.webapi;

import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.SlackApiTextResponse;
import com.slack.api.webhook.WebhookResponse;
import io.warroom.config.DaemonThreads;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs Slack calls that answer a request but must not delay its ack: opening a modal with a
 * trigger, a private follow-up to a button press.
 *
 * <p>Slack says no to such a call in its answer, not with an exception ({@code ok: false} and an
 * error such as {@code expired_trigger_id}, or a response URL's non-200 status), so the answer is
 * checked here: every failure is logged, and a caller that can still reach the user says so.
 */
@Singleton
public class AfterAck {

  private static final Logger LOG = LoggerFactory.getLogger(AfterAck.class);

  private final ExecutorService pool = threads("after-ack-");

  /** Calls that use a trigger, which works only within 3 s: they never queue behind the others. */
  private final ExecutorService triggered = threads("after-ack-trigger-");

  AfterAck() {}

  private static ExecutorService threads(String prefix) {
    return Executors.newFixedThreadPool(4, DaemonThreads.named(prefix));
  }

  /** Runs the call soon; a failure is logged, as the user has already been answered. */
  public void run(String what, Call call) {
    run(what, call, error -> {});
  }

  /**
   * Runs the call soon; if Slack refuses it or cannot be reached, logs why and hands a short reason
   * to {@code ifFailed} (Slack's error, such as {@code expired_trigger_id}, an HTTP status, or "no
   * answer from Slack"), which may tell the user another way. It runs on the same thread; what it
   * throws is logged too.
   */
  public void run(String what, Call call, Consumer<String> ifFailed) {
    pool.execute(() -> call(what, call, ifFailed));
  }

  /**
   * Like {@link #run(String, Call, Consumer)}, for a call that uses an interaction's trigger (to
   * open a modal): Slack refuses a trigger older than 3 s, so these run on threads of their own,
   * where a burst of slower calls (App Home views for everyone who opened it) cannot hold them up.
   */
  public void runWithTrigger(String what, Call call, Consumer<String> ifFailed) {
    triggered.execute(() -> call(what, call, ifFailed));
  }

  private void call(String what, Call call, Consumer<String> ifFailed) {
    String error;
    try {
      error = failure(call.run()).orElse(null);
      if (error == null) {
        return;
      }
      LOG.warn("{} failed: Slack answered {}", what, error);
    } catch (SlackApiException e) {
      error = "HTTP " + e.getResponse().code();
      LOG.warn("{} failed: Slack answered {}", what, error);
    } catch (Exception e) {
      error = "no answer from Slack";
      LOG.warn("{} failed: {}", what, e.toString());
    }
    try {
      ifFailed.accept(error);
    } catch (RuntimeException e) {
      LOG.warn("{} failed, and so did telling the user: {}", what, e.toString());
    }
  }

  /** Why Slack did not do what it was asked, if it did not. */
  static Optional<String> failure(Object answer) {
    if (answer instanceof SlackApiTextResponse r && !r.isOk()) {
      return Optional.of(r.getError() == null ? "ok: false" : r.getError());
    }
    if (answer instanceof WebhookResponse r && (r.getCode() == null || r.getCode() != 200)) {
      return Optional.of("HTTP " + r.getCode());
    }
    return Optional.empty();
  }

  @PreDestroy
  void stop() {
    pool.shutdown();
    triggered.shutdown();
  }

  /**
   * A Slack call; it returns Slack's answer: a Web API response or a response URL's, whichever it
   * made.
   */
  @FunctionalInterface
  public interface Call {
    Object run() throws Exception;
  }
}
