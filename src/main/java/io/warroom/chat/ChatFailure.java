package io.warroom.chat;

import io.micronaut.core.annotation.Nullable;
import java.time.Duration;
import java.util.Optional;

/** A chat platform call that did not succeed, classified so callers can decide what to do. */
public class ChatFailure extends RuntimeException {

  /** Why a call failed. */
  public enum Kind {
    /** The channel name is in use. */
    NAME_TAKEN,
    /** The bot is not a member of the channel. */
    NOT_IN_CHANNEL,
    /** The channel does not exist or the bot cannot see it. */
    CHANNEL_NOT_FOUND,
    /** Too many calls; try again after {@link #retryAfter()}. */
    RATE_LIMITED,
    /** The platform failed or did not answer; the call may or may not have taken effect. */
    UNAVAILABLE,
    /**
     * The platform refused Warroom's token (revoked, expired, a scope missing): nothing is wrong
     * with this call, and it will succeed once an admin fixes the app. See {@link ChatAuthState}.
     */
    UNAUTHORIZED,
    /** The platform refused the call; repeating it will not help. */
    REJECTED
  }

  private final Kind kind;
  private final Duration retryAfter;

  public ChatFailure(Kind kind, String message, @Nullable Duration retryAfter, Throwable cause) {
    super(message, cause);
    this.kind = kind;
    this.retryAfter = retryAfter;
  }

  public ChatFailure(Kind kind, String message) {
    this(kind, message, null, null);
  }

  public Kind kind() {
    return kind;
  }

  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }

  /** Whether trying again later may succeed. */
  public boolean isTransient() {
    return kind == Kind.RATE_LIMITED || kind == Kind.UNAVAILABLE || kind == Kind.UNAUTHORIZED;
  }

  /** Whether the call may have taken effect although it failed (a lost answer). */
  public boolean mayHaveHappened() {
    return kind == Kind.UNAVAILABLE;
  }
}
