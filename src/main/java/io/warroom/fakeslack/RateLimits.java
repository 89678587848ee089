package io.warroom.fakeslack;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Slack's Web API rate limits, as the workspace enforces them once switched on: each method's tier
 * allows so many calls a minute per workspace (Tier 1, 2, 3, 4: 1, 20, 50, 100), counted over any
 * 60 seconds; {@code chat.postMessage} allows about one message a second per channel, with a short
 * burst of {@link #POST_BURST}. A call over its limit is answered HTTP 429 with the seconds until a
 * call would be allowed in {@code Retry-After}, and does nothing. Tiers are Slack's published ones
 * (api.slack.com/docs/rate-limits; the same as java-slack-sdk's {@code MethodsRateLimits}).
 */
final class RateLimits {

  /** How many posts a channel takes at once before the one-a-second pace applies. */
  static final int POST_BURST = 3;

  private static final long MINUTE = Duration.ofMinutes(1).toNanos();
  private static final long SECOND = Duration.ofSeconds(1).toNanos();

  private static final Map<String, Integer> PER_MINUTE = new HashMap<>();

  static {
    tier(1, "apps.connections.open");
    tier(
        2,
        "conversations.create",
        "conversations.list",
        "conversations.setTopic",
        "pins.add",
        "users.list");
    tier(
        3,
        "bots.info",
        "chat.update",
        "conversations.history",
        "conversations.info",
        "conversations.invite",
        "conversations.join",
        "conversations.replies");
    tier(
        4,
        "chat.postEphemeral",
        "conversations.members",
        "files.completeUploadExternal",
        "files.getUploadURLExternal",
        "files.info",
        "users.info",
        "views.open",
        "views.publish",
        "views.push",
        "views.update");
    // Special tiers: several hundred a minute.
    PER_MINUTE.put("auth.test", 600);
    PER_MINUTE.put("chat.getPermalink", 600);
  }

  private static void tier(int tier, String... methods) {
    int perMinute =
        switch (tier) {
          case 1 -> 1;
          case 2 -> 20;
          case 3 -> 50;
          default -> 100;
        };
    for (String m : methods) {
      PER_MINUTE.put(m, perMinute);
    }
  }

  /** Calls a minute this method allows, when it has a tier (not {@code chat.postMessage}). */
  static Optional<Integer> perMinute(String method) {
    return Optional.ofNullable(PER_MINUTE.get(method));
  }

  private final Map<String, Deque<Long>> calls = new HashMap<>();
  private final Map<String, PostBucket> postBuckets = new HashMap<>();
  private boolean enabled;

  synchronized void enabled(boolean on) {
    enabled = on;
    calls.clear();
    postBuckets.clear();
  }

  synchronized boolean enabled() {
    return enabled;
  }

  /**
   * Counts a call that arrived now; answers how long to wait when it is over its limit (and then
   * does not count it).
   *
   * @param channel the channel of a {@code chat.postMessage}, else ignored
   */
  synchronized Optional<Duration> admit(String method, String channel, long nowNanos) {
    if (!enabled) {
      return Optional.empty();
    }
    if (method.equals("chat.postMessage")) {
      return admitPost(channel == null ? "" : channel, nowNanos);
    }
    Integer limit = PER_MINUTE.get(method);
    if (limit == null) {
      return Optional.empty();
    }
    Deque<Long> window = calls.computeIfAbsent(method, m -> new ArrayDeque<>());
    while (!window.isEmpty() && nowNanos - window.peekFirst() >= MINUTE) {
      window.pollFirst();
    }
    if (window.size() >= limit) {
      return Optional.of(Duration.ofNanos(window.peekFirst() + MINUTE - nowNanos));
    }
    window.addLast(nowNanos);
    return Optional.empty();
  }

  /** A token bucket per channel: {@link #POST_BURST} tokens, one more each second. */
  private Optional<Duration> admitPost(String channel, long nowNanos) {
    PostBucket bucket = postBuckets.computeIfAbsent(channel, c -> new PostBucket(nowNanos));
    bucket.tokens =
        Math.min(POST_BURST, bucket.tokens + (nowNanos - bucket.filledAt) / (double) SECOND);
    bucket.filledAt = nowNanos;
    if (bucket.tokens < 1) {
      return Optional.of(Duration.ofNanos((long) ((1 - bucket.tokens) * SECOND)));
    }
    bucket.tokens -= 1;
    return Optional.empty();
  }

  private static final class PostBucket {
    double tokens = POST_BURST;
    long filledAt;

    PostBucket(long now) {
      filledAt = now;
    }
  }
}
