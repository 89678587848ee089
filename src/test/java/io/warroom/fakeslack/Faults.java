package io.warroom.fakeslack;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * Failures to inject into Web API calls, per method, in order (test scope: the simulator the
 * product ships has no way to fail on purpose). "After" variants do the work first and then fail,
 * like a Slack whose answer is lost: the caller cannot tell it happened.
 */
public final class Faults implements Failure.Plan {

  /** How a call fails. */
  public enum Kind {
    /** HTTP 500 before doing anything. */
    SERVER_ERROR,
    /** The work is done, then HTTP 500. */
    SERVER_ERROR_AFTER,
    /** HTTP 429 with a Retry-After header. */
    RATE_LIMITED,
    /** No answer until the caller gives up (and nothing is done). */
    TIMEOUT,
    /** The work is done, then no answer until the caller gives up. */
    TIMEOUT_AFTER,
    /** The answer comes, but late. */
    SLOW,
    /**
     * The work is done and the answer written at once, but it reaches the caller late: what it says
     * may be stale by then (a list or a history read before someone else's change).
     */
    LATE,
    /** HTTP 200 with an HTML page instead of Slack's JSON, as a proxy's error page answers. */
    NOT_JSON,
    /**
     * Slack's {@code ok:false} with the given error, before doing anything: a revoked token ({@code
     * token_revoked}), a scope the app lacks ({@code missing_scope}, with {@code needed}).
     */
    ERROR
  }

  /**
   * One failure.
   *
   * @param duration Retry-After for {@link Kind#RATE_LIMITED}, the delay for {@link Kind#SLOW}, how
   *     long to hang for the timeouts
   * @param error for {@link Kind#ERROR}: Slack's error, and for {@code missing_scope} the scope
   *     needed after a colon ({@code missing_scope:chat:write})
   */
  public record Fault(Kind kind, Duration duration, String error) {

    public Fault(Kind kind, Duration duration) {
      this(kind, duration, null);
    }

    Failure failure() {
      return new Failure(Failure.Kind.valueOf(kind.name()), duration, error);
    }

    public static Fault error(String error) {
      return new Fault(Kind.ERROR, Duration.ZERO, error);
    }

    public static Fault serverError() {
      return new Fault(Kind.SERVER_ERROR, Duration.ZERO);
    }

    public static Fault serverErrorAfter() {
      return new Fault(Kind.SERVER_ERROR_AFTER, Duration.ZERO);
    }

    public static Fault rateLimited(Duration retryAfter) {
      return new Fault(Kind.RATE_LIMITED, retryAfter);
    }

    public static Fault timeout(Duration hang) {
      return new Fault(Kind.TIMEOUT, hang);
    }

    public static Fault timeoutAfter(Duration hang) {
      return new Fault(Kind.TIMEOUT_AFTER, hang);
    }

    public static Fault notJson() {
      return new Fault(Kind.NOT_JSON, Duration.ZERO);
    }

    public static Fault slow(Duration delay) {
      return new Fault(Kind.SLOW, delay);
    }

    public static Fault late(Duration delay) {
      return new Fault(Kind.LATE, delay);
    }
  }

  private final Map<String, Deque<Fault>> queued = new HashMap<>();
  private final Map<String, Fault> always = new HashMap<>();

  /**
   * The next {@code times} calls of {@code method} fail this way; {@code method#channel} limits it
   * to calls in that channel.
   */
  public synchronized Faults inject(String method, int times, Fault fault) {
    Deque<Fault> q = queued.computeIfAbsent(method, m -> new ArrayDeque<>());
    for (int i = 0; i < times; i++) {
      q.add(fault);
    }
    return this;
  }

  /** Every call of {@code method} fails this way until {@link #clear()}; {@code *} means all. */
  public synchronized Faults always(String method, Fault fault) {
    always.put(method, fault);
    return this;
  }

  /** How many injected faults of {@code method} no call has met yet. */
  public synchronized int pending(String method) {
    Deque<Fault> q = queued.get(method);
    return q == null ? 0 : q.size();
  }

  public synchronized void clear() {
    queued.clear();
    always.clear();
  }

  /**
   * The fault for a call of {@code method} in {@code channel}: one injected for {@code
   * method#channel} (e.g. {@code chat.postMessage#C123}) first, then any for the method.
   */
  @Override
  public synchronized Failure next(String method, String channel) {
    if (channel != null) {
      Deque<Fault> q = queued.get(method + "#" + channel);
      if (q != null && !q.isEmpty()) {
        return q.poll().failure();
      }
    }
    Fault f = next(method);
    return f == null ? null : f.failure();
  }

  synchronized Fault next(String method) {
    Deque<Fault> q = queued.get(method);
    if (q != null && !q.isEmpty()) {
      return q.poll();
    }
    Fault f = always.get(method);
    return f != null ? f : always.get("*");
  }
}
