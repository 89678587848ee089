package io.warroom.chat;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Whether the chat platform accepts Warroom's credentials right now. A refused token (revoked,
 * expired, missing a scope, an app not yet granted to the workspace) is not a message's fault:
 * while it lasts, delivery pauses for every room and nothing queued is given up; the platform
 * adapter re-checks the token and clears the refusal once it is accepted again. {@code /health}
 * reports it, and a readiness probe may consult it.
 */
@Singleton
public class ChatAuthState {

  /**
   * Why the platform refuses the token.
   *
   * @param error the platform's own word for it ({@code invalid_auth}, {@code missing_scope}, ...)
   * @param needed for a missing scope, the scope the platform says the call needs
   */
  public record Refusal(String error, @Nullable String needed, Instant since) {

    /** One line for logs and {@code /health}. */
    public String describe() {
      return needed == null ? error : error + " (needs " + needed + ")";
    }
  }

  private final AtomicReference<Refusal> refusal = new AtomicReference<>();

  public Optional<Refusal> refusal() {
    return Optional.ofNullable(refusal.get());
  }

  public boolean accepted() {
    return refusal.get() == null;
  }

  /** Records a refusal; true when the token was accepted until now (news worth one log line). */
  public boolean refuse(String error, @Nullable String needed) {
    return refusal.getAndUpdate(
            old ->
                old != null && old.error().equals(error)
                    ? old
                    : new Refusal(error, needed, Instant.now()))
        == null;
  }

  /** Records that the token is accepted; true when it was refused until now. */
  public boolean accept() {
    return refusal.getAndSet(null) != null;
  }
}
