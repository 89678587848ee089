package io.warroom.slack.webapi;

import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.response.auth.AuthTestResponse;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.core.annotation.Order;
import io.micronaut.core.order.Ordered;
import io.micronaut.runtime.event.annotation.EventListener;
import io.warroom.chat.ChatFailure;
import io.warroom.config.StartupProblem;
import io.warroom.slack.SlackSettings;
import io.warroom.slack.inbound.BotAuthorization;
import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who the bot is, asked of Slack with {@code auth.test} on a thread of its own, as soon as start-up
 * begins. Start-up waits for the answer once the rest is ready, but only so long: a token Slack
 * refuses stops start-up; a Slack that does not answer in time does not, since Warroom must come up
 * during an outage. It then keeps asking until Slack answers. Nothing on the ack path waits for it
 * ({@link BotAuthorization}).
 */
@Context
@Order(Ordered.HIGHEST_PRECEDENCE) // built first, so the question is asked before the migrations
public class SlackIdentity {

  private static final Logger LOG = LoggerFactory.getLogger(SlackIdentity.class);
  private static final Set<String> BAD_TOKEN =
      Set.of("invalid_auth", "not_authed", "account_inactive", "token_revoked", "token_expired");

  /** Between two rounds of asking while Slack does not answer: doubling up to the longest. */
  private static final Duration FIRST_PAUSE = Duration.ofSeconds(1);

  private static final Duration LONGEST_PAUSE = Duration.ofSeconds(30);

  private final MethodsClient methods;
  private final SlackCalls calls;
  private final SlackSettings settings;
  private final CompletableFuture<AuthTestResponse> answer = new CompletableFuture<>();
  private final Thread asking = new Thread(this::askUntilAnswered, "slack-identity");

  private final Duration startWait;

  SlackIdentity(
      MethodsClient methods,
      SlackCalls calls,
      SlackSettings settings,
      @Value("${warroom.slack.identity-wait:5s}") Duration startWait) {
    this.methods = methods;
    this.calls = calls;
    this.settings = settings;
    this.startWait = startWait;
    asking.setDaemon(true);
    asking.start();
  }

  /**
   * Start-up waits here, once every other eager bean is built: Slack answers while the database is
   * migrated, rather than after.
   */
  @EventListener
  void awaitAnswer(StartupEvent event) {
    try {
      answer.get(startWait.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      throw e.getCause() instanceof StartupProblem problem
          ? problem
          : new IllegalStateException(e.getCause());
    } catch (TimeoutException e) {
      LOG.warn(
          "Slack did not answer auth.test at {} within {} s; Warroom starts anyway, acks"
              + " requests, and builds war rooms once Slack answers",
          settings.apiUrl(),
          startWait.toSeconds());
      // A refusal from now on can no longer stop start-up; every Web API call will fail alike.
      answer.whenComplete(
          (r, refused) -> {
            if (refused != null) {
              LOG.error(refused.getMessage());
            }
          });
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while asking Slack who the bot is", e);
    }
  }

  /** Slack's answer to {@code auth.test}, once it has given one; empty after a refused token. */
  public Optional<AuthTestResponse> known() {
    return answer.isDone() && !answer.isCompletedExceptionally()
        ? Optional.of(answer.join())
        : Optional.empty();
  }

  /** Whether Slack refused the bot token when asked. */
  public boolean refused() {
    return answer.isCompletedExceptionally();
  }

  /** Runs {@code then} once Slack has accepted the token (at once if it has already). */
  public void whenKnown(java.util.function.Consumer<AuthTestResponse> then) {
    answer.thenAccept(then);
  }

  /** The bot's own user id; a {@link ChatFailure} while Slack has not said. */
  String botUserId() {
    return answered().getUserId();
  }

  /** The workspace's address, e.g. {@code https://acme.slack.com/}, for permalinks. */
  String workspaceUrl() {
    String url = answered().getUrl();
    if (url == null) {
      return "https://slack.com/";
    }
    return url.endsWith("/") ? url : url + "/";
  }

  private AuthTestResponse answered() {
    return known()
        .orElseThrow(
            () ->
                new ChatFailure(
                    ChatFailure.Kind.UNAVAILABLE, "auth.test: Slack has not answered yet"));
  }

  private void askUntilAnswered() {
    Duration pause = FIRST_PAUSE;
    while (!Thread.currentThread().isInterrupted()) {
      try {
        AuthTestResponse r = calls.call("auth.test", true, () -> methods.authTest(req -> req));
        answer.complete(r);
        LOG.info("Connected to Slack at {} as bot user {}", settings.apiUrl(), r.getUserId());
        return;
      } catch (ChatFailure failure) {
        String error = failure.getMessage().substring(failure.getMessage().indexOf(':') + 1).trim();
        if (BAD_TOKEN.contains(error)) {
          StartupProblem problem =
              new StartupProblem(
                  "SLACK_BOT_TOKEN was refused by Slack ("
                      + error
                      + "); copy the Bot User OAuth Token"
                      + " from the app's OAuth & Permissions page");
          answer.completeExceptionally(problem);
          return;
        }
        LOG.warn(
            "Slack is not reachable at {} yet ({}); asking again in {} s",
            settings.apiUrl(),
            failure.getMessage(),
            pause.toSeconds());
      }
      try {
        Thread.sleep(pause.toMillis());
      } catch (InterruptedException e) {
        return;
      }
      Duration doubled = pause.multipliedBy(2);
      pause = doubled.compareTo(LONGEST_PAUSE) > 0 ? LONGEST_PAUSE : doubled;
    }
  }

  @PreDestroy
  void stop() {
    asking.interrupt();
  }
}
