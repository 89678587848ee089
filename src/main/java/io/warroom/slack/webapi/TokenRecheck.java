package io.warroom.slack.webapi;

import com.slack.api.methods.MethodsClient;
import io.micronaut.context.annotation.Value;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import io.micronaut.scheduling.TaskScheduler;
import io.warroom.chat.ChatAuthState;
import io.warroom.chat.ChatFailure;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * While Slack refuses the bot token, asks {@code auth.test} every {@code slack.auth-recheck} (30 s)
 * whether it is accepted again, and then lets delivery resume. Only this one call is made while the
 * token is refused, so a refused token costs Slack two calls a minute, not one per queued post.
 */
@Singleton
class TokenRecheck {

  private static final Logger LOG = LoggerFactory.getLogger(TokenRecheck.class);

  private final ChatAuthState auth;
  private final MethodsClient methods;
  private final SlackCalls calls;
  private final TaskScheduler scheduler;
  private final Duration every;
  private volatile ScheduledFuture<?> checking;

  TokenRecheck(
      ChatAuthState auth,
      MethodsClient methods,
      SlackCalls calls,
      @Named("scheduled") TaskScheduler scheduler,
      @Value("${slack.auth-recheck:30s}") Duration every) {
    this.auth = auth;
    this.methods = methods;
    this.calls = calls;
    this.scheduler = scheduler;
    this.every = every;
  }

  @EventListener
  void onStartup(ServerStartupEvent event) {
    checking = scheduler.scheduleWithFixedDelay(every, every, this::recheck);
  }

  @PreDestroy
  void stop() {
    if (checking != null) {
      checking.cancel(false);
    }
  }

  void recheck() {
    if (auth.accepted()) {
      return;
    }
    try {
      calls.call("auth.test", true, () -> methods.authTest(req -> req));
      if (auth.accept()) {
        LOG.info("Slack accepts the bot token again; delivery resumes");
      }
    } catch (ChatFailure stillRefused) {
      LOG.debug("auth.test: {}", stillRefused.getMessage());
    } catch (RuntimeException e) {
      LOG.warn("Could not re-check the bot token: {}", e.toString());
    }
  }
}
