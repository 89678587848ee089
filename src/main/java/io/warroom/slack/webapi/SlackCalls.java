package io.warroom.slack.webapi;

import com.google.gson.JsonParseException;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.SlackApiTextResponse;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.core.annotation.Nullable;
import io.warroom.ack.AckFirst;
import io.warroom.chat.ChatAuthState;
import io.warroom.chat.ChatFailure;
import io.warroom.chat.ChatFailure.Kind;
import io.warroom.slack.webapi.WebApiPacer.Urgency;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.time.Duration;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place Web API calls are made: it maps every outcome to success or a {@link ChatFailure},
 * and retries briefly where that is safe. A 429 is always safe to repeat after its Retry-After; a
 * 5xx or a timeout is repeated only for idempotent methods, because the first try may have taken
 * effect. Every call keeps to Slack's rate limits first ({@link WebApiPacer}).
 */
@Singleton
public final class SlackCalls {

  /** What a Web API call does, for {@link #call}. */
  @FunctionalInterface
  interface ApiCall<T extends SlackApiTextResponse> {
    T run() throws IOException, SlackApiException;
  }

  private static final Logger LOG = LoggerFactory.getLogger(SlackCalls.class);
  private static final int ATTEMPTS = 3;

  /** Longer Retry-Afters are not waited out inline; the caller reschedules instead. */
  private static final Duration MAX_INLINE_WAIT = Duration.ofSeconds(3);

  private static final Set<String> UNAVAILABLE_ERRORS =
      Set.of("internal_error", "fatal_error", "service_unavailable", "request_timeout");

  /** Errors that refuse the token itself, not the call: delivery pauses until it is fixed. */
  static final Set<String> TOKEN_REFUSED =
      Set.of(
          "invalid_auth",
          "not_authed",
          "token_revoked",
          "token_expired",
          "account_inactive",
          "missing_scope",
          "team_access_not_granted");

  private static final Set<String> CHANNEL_GONE =
      Set.of("channel_not_found", "is_archived", "channel_is_archived");

  private final AckFirst ackFirst;
  private final ChatAuthState auth;
  private final WebApiPacer pacer;

  private final MeterRegistry meters;

  SlackCalls(AckFirst ackFirst, ChatAuthState auth, WebApiPacer pacer, MeterRegistry meters) {
    this.ackFirst = ackFirst;
    this.auth = auth;
    this.pacer = pacer;
    this.meters = meters;
  }

  /** One Web API call made, by method and outcome: ok, rate_limited (a 429), unavailable, … */
  private void count(String method, String outcome) {
    meters.counter("warroom.slack.api.calls", "method", method, "outcome", outcome).increment();
  }

  <T extends SlackApiTextResponse> T call(String method, boolean idempotent, ApiCall<T> call) {
    return call(method, null, Urgency.LATER, idempotent, call);
  }

  /**
   * Makes the call within Slack's rate limits ({@link WebApiPacer}): {@code channel} names the
   * channel a post goes to, whose own budget it uses.
   */
  <T extends SlackApiTextResponse> T call(
      String method,
      @Nullable String channel,
      Urgency urgency,
      boolean idempotent,
      ApiCall<T> call) {
    ackFirst.giveWay();
    ChatFailure last = null;
    for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
      WebApiPacer.Permit permit = pacer.acquire(method, channel, urgency);
      try {
        T response = call.run();
        if (response.isOk()) {
          count(method, "ok");
          return response;
        }
        last = failure(method, response.getError(), null);
        refused(method, last, response.getNeeded());
      } catch (SlackApiException e) {
        last = failure(method, e);
        refused(method, last, e.getError() == null ? null : e.getError().getNeeded());
      } catch (IOException e) {
        last = new ChatFailure(Kind.UNAVAILABLE, method + ": " + e.getMessage(), null, e);
      } catch (JsonParseException e) {
        // A 200 that is not Slack's JSON (a proxy's error page): Slack did not really answer.
        last = new ChatFailure(Kind.UNAVAILABLE, method + ": the answer was not JSON", null, e);
      } finally {
        permit.done();
      }
      if (last.kind() == Kind.RATE_LIMITED) {
        pacer.limited(method, channel, last.retryAfter().orElse(Duration.ofSeconds(1)));
      }
      count(method, last.kind().name().toLowerCase(java.util.Locale.ROOT));
      if (!retryInline(last, idempotent) || attempt == ATTEMPTS) {
        break;
      }
      Duration wait = last.retryAfter().orElse(Duration.ofMillis(200L * attempt * attempt));
      LOG.debug("{} failed ({}), retrying in {} ms", method, last.getMessage(), wait.toMillis());
      sleep(wait);
    }
    throw last;
  }

  /** A refused token pauses delivery: one line when it starts, none for each call after. */
  private void refused(String method, ChatFailure failure, String needed) {
    if (failure.kind() != Kind.UNAUTHORIZED) {
      return;
    }
    String error = failure.getMessage().substring(method.length() + 2);
    if (auth.refuse(error, needed)) {
      LOG.error(
          "Slack refused the bot token on {}: {}; delivery to Slack is paused for every incident"
              + " (nothing is dropped) and resumes once auth.test accepts the token again",
          method,
          auth.refusal().map(ChatAuthState.Refusal::describe).orElse(error));
    }
  }

  private static boolean retryInline(ChatFailure failure, boolean idempotent) {
    if (failure.kind() == Kind.RATE_LIMITED) {
      return failure.retryAfter().map(d -> d.compareTo(MAX_INLINE_WAIT) <= 0).orElse(true);
    }
    return failure.kind() == Kind.UNAVAILABLE && idempotent;
  }

  private static ChatFailure failure(String method, SlackApiException e) {
    int status = e.getResponse() == null ? 0 : e.getResponse().code();
    if (status == 429) {
      Duration retryAfter = retryAfter(e.getResponse().header("Retry-After"));
      return new ChatFailure(Kind.RATE_LIMITED, method + ": rate limited", retryAfter, e);
    }
    if (status >= 500 || status == 0) {
      return new ChatFailure(Kind.UNAVAILABLE, method + ": HTTP " + status, null, e);
    }
    String error = e.getError() == null ? "http_" + status : e.getError().getError();
    return failure(method, error, e);
  }

  private static ChatFailure failure(String method, String error, Throwable cause) {
    String message = method + ": " + error;
    if (TOKEN_REFUSED.contains(error)) {
      return new ChatFailure(Kind.UNAUTHORIZED, message, null, cause);
    }
    if ("name_taken".equals(error)) {
      return new ChatFailure(Kind.NAME_TAKEN, message, null, cause);
    }
    if ("not_in_channel".equals(error)) {
      return new ChatFailure(Kind.NOT_IN_CHANNEL, message, null, cause);
    }
    if (CHANNEL_GONE.contains(error)) {
      return new ChatFailure(Kind.CHANNEL_NOT_FOUND, message, null, cause);
    }
    if ("ratelimited".equals(error) || "rate_limited".equals(error)) {
      return new ChatFailure(Kind.RATE_LIMITED, message, Duration.ofSeconds(1), cause);
    }
    if (UNAVAILABLE_ERRORS.contains(error)) {
      return new ChatFailure(Kind.UNAVAILABLE, message, null, cause);
    }
    return new ChatFailure(Kind.REJECTED, message, null, cause);
  }

  private static Duration retryAfter(String header) {
    try {
      return Duration.ofSeconds(Math.max(1, Long.parseLong(header.trim())));
    } catch (RuntimeException e) {
      return Duration.ofSeconds(1);
    }
  }

  private static void sleep(Duration d) {
    try {
      Thread.sleep(d.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ChatFailure(Kind.UNAVAILABLE, "interrupted", null, e);
    }
  }
}
