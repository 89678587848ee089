package io.warroom.slack.webapi;

import com.slack.api.methods.MethodsRateLimitTier;
import com.slack.api.methods.MethodsRateLimits;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.warroom.chat.ChatFailure;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keeps Warroom's own Web API calls inside Slack's rate limits, so that Slack rarely answers 429:
 * each method gets the calls a minute its tier allows (the tier as java-slack-sdk's {@link
 * MethodsRateLimits} lists it), counted over any 60 seconds; {@code chat.postMessage} gets a short
 * burst of {@link #POST_BURST} per channel, then one a second. A call is counted until its answer
 * came, when Slack had surely seen it, so Warroom's count is never behind Slack's.
 *
 * <p>A call whose budget is used up waits, when the wait is short, or else fails at once as {@link
 * ChatFailure.Kind#RATE_LIMITED} with the time to wait, without reaching Slack, so its war room is
 * tried again then and no thread sits waiting meanwhile. What responders need ({@link
 * Urgency#FIRST}) waits up to {@link #FIRST_WAIT} and goes before anything else waiting for the
 * same budget; the rest waits at most {@link #LATER_WAIT}. A 429 that Slack answers anyway stops
 * the method (or the channel's posts) for its {@code Retry-After}.
 */
@Singleton
public final class WebApiPacer {

  /** What a call is for. */
  public enum Urgency {
    /** The channel, the invites, the card, the room's own messages. */
    FIRST,
    /** The topic, the pin, redraws, the announce channel. */
    LATER
  }

  static final int POST_BURST = 3;
  static final Duration FIRST_WAIT = Duration.ofSeconds(3);
  static final Duration LATER_WAIT = Duration.ofSeconds(1);
  private static final long MINUTE = Duration.ofMinutes(1).toNanos();
  private static final long SECOND = Duration.ofSeconds(1).toNanos();

  private final boolean enabled;
  private final Map<String, Budget> budgets = new ConcurrentHashMap<>();

  WebApiPacer(@Value("${slack.pacing:true}") boolean enabled) {
    this.enabled = enabled;
  }

  /** A counted call; {@link #done} once its answer came. */
  interface Permit {
    void done();
  }

  private static final Permit FREE = () -> {};

  /**
   * Waits for room in the method's budget (and the channel's, for a post) and counts the call.
   *
   * @throws ChatFailure {@code RATE_LIMITED} with the wait, when it is longer than this call waits
   */
  Permit acquire(String method, @Nullable String channel, Urgency urgency) {
    Budget budget = budget(method, channel);
    if (budget == null) {
      return FREE;
    }
    return budget.acquire(urgency == Urgency.FIRST ? FIRST_WAIT : LATER_WAIT, urgency, method);
  }

  /** Slack answered 429: nothing more of this budget until the wait is over. */
  void limited(String method, @Nullable String channel, Duration retryAfter) {
    Budget budget = budget(method, channel);
    if (budget != null) {
      budget.pause(retryAfter);
    }
  }

  private Budget budget(String method, @Nullable String channel) {
    if (!enabled) {
      return null;
    }
    if (method.equals("chat.postMessage")) {
      String key = method + "/" + (channel == null ? "" : channel);
      return budgets.computeIfAbsent(key, k -> new Bucket(POST_BURST));
    }
    MethodsRateLimitTier tier = MethodsRateLimits.lookupRateLimitTier(method);
    Integer perMinute =
        tier == null ? null : MethodsRateLimitTier.getAllowedRequestsPerMinute(tier);
    if (perMinute == null) {
      return null;
    }
    return budgets.computeIfAbsent(method, k -> new Window(perMinute, MINUTE));
  }

  /**
   * Calls waiting for room, in turn: {@link Urgency#FIRST} before {@link Urgency#LATER}, in order
   * of arrival within each. What "room" is, each kind of budget says.
   */
  private abstract static class Budget {
    private long pausedUntil = System.nanoTime();
    private long nextTicket;
    private final Deque<long[]> waiting = new ArrayDeque<>();

    /** How long from {@code now} until a call may go (0: now). */
    abstract long room(long now);

    /** Counts a call that goes now; returns what marks its answer. */
    abstract Permit take(long now);

    synchronized Permit acquire(Duration maxWait, Urgency urgency, String method) {
      long[] ticket = {nextTicket++, urgency.ordinal()};
      long deadline = System.nanoTime() + maxWait.toNanos();
      enqueue(ticket);
      try {
        while (true) {
          long now = System.nanoTime();
          long wait = Math.max(room(now), pausedUntil - now);
          if (wait <= 0 && waiting.peekFirst() == ticket) {
            return take(now);
          }
          long until = now + Math.max(wait, Duration.ofMillis(5).toNanos());
          if (until > deadline) {
            throw new ChatFailure(
                ChatFailure.Kind.RATE_LIMITED,
                method + ": Slack's rate limit is used up for now (not sent; Warroom's own pacing)",
                Duration.ofNanos(Math.max(wait, Duration.ofMillis(100).toNanos())),
                null);
          }
          wait(Math.max(1, Duration.ofNanos(until - now).toMillis()));
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new ChatFailure(ChatFailure.Kind.UNAVAILABLE, method + ": interrupted", null, e);
      } finally {
        waiting.remove(ticket);
        notifyAll();
      }
    }

    private void enqueue(long[] ticket) {
      if (ticket[1] == Urgency.LATER.ordinal()) {
        waiting.addLast(ticket);
        return;
      }
      Deque<long[]> later = new ArrayDeque<>();
      while (!waiting.isEmpty() && waiting.peekLast()[1] == Urgency.LATER.ordinal()) {
        later.addFirst(waiting.pollLast());
      }
      waiting.addLast(ticket);
      waiting.addAll(later);
    }

    synchronized void pause(Duration retryAfter) {
      pausedUntil = Math.max(pausedUntil, System.nanoTime() + retryAfter.toNanos());
      notifyAll();
    }
  }

  /**
   * A method's tier: at most {@code limit} calls in any {@code window}, each call holding its slot
   * from when it starts until a window after its answer.
   */
  private static final class Window extends Budget {
    private final int limit;
    private final long window;
    private final Deque<long[]> slots = new ArrayDeque<>();

    Window(int limit, long window) {
      this.limit = limit;
      this.window = window;
    }

    @Override
    long room(long now) {
      slots.removeIf(slot -> slot[0] != Long.MAX_VALUE && now - slot[0] >= window);
      if (slots.size() < limit) {
        return 0;
      }
      long soonest = Long.MAX_VALUE;
      for (long[] slot : slots) {
        // A call still in flight holds its slot a whole window yet.
        soonest = Math.min(soonest, slot[0] == Long.MAX_VALUE ? window : slot[0] + window - now);
      }
      return Math.max(1, soonest);
    }

    @Override
    Permit take(long now) {
      long[] slot = {Long.MAX_VALUE};
      slots.addLast(slot);
      return () -> {
        synchronized (this) {
          slot[0] = System.nanoTime();
          notifyAll();
        }
      };
    }
  }

  /**
   * A channel's posts: a bucket of {@code burst} tokens, one more each second. Tokens accrue only
   * from the latest answer on, never while Slack may not yet have seen a call, so Warroom's count
   * is never behind Slack's.
   */
  private static final class Bucket extends Budget {
    private final int burst;
    private double tokens;
    private long filledAt;

    Bucket(int burst) {
      this.burst = burst;
      this.tokens = burst;
      this.filledAt = System.nanoTime();
    }

    private void fill(long now) {
      if (now > filledAt) {
        tokens = Math.min(burst, tokens + (now - filledAt) / (double) SECOND);
        filledAt = now;
      }
    }

    @Override
    long room(long now) {
      fill(now);
      return tokens >= 1 ? 0 : (long) Math.ceil((1 - tokens) * SECOND);
    }

    @Override
    Permit take(long now) {
      tokens -= 1;
      return () -> {
        synchronized (this) {
          long answered = System.nanoTime();
          // What accrued between the call and its answer is not counted.
          filledAt = Math.max(filledAt, answered);
          notifyAll();
        }
      };
    }
  }
}
