package io.warroom.incident;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Clock;

/**
 * The one "have we handled this request?" ledger ({@code handled_request}), for callers outside
 * this package: a signed Slack request sent again within its five minutes must have its effect
 * once. The key is claimed in its own transaction, before the request is handled, so a replay that
 * arrives while the first is still running is refused too.
 */
@Singleton
public class HandledRequests {

  private final HandledRequestRepository handled;
  private final Clock clock;

  HandledRequests(HandledRequestRepository handled, Clock clock) {
    this.handled = handled;
    this.clock = clock;
  }

  /** True the first time this key is seen (and records it); false for every later time. */
  @Transactional
  public boolean firstTime(String requestKey) {
    return handled.claim(requestKey, clock.instant()) == 1;
  }
}
