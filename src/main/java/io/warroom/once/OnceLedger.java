package io.warroom.once;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Clock;

/**
 * Claims ids in the ledger. Called inside a transaction, the claim is part of it: rolled back with
 * the change it guards, so a failed attempt can be retried. Called outside one, it commits at once,
 * so a replay that arrives while the first request is still running is refused too.
 */
@Singleton
public class OnceLedger {

  private final HandledOnceRepository handled;
  private final Clock clock;

  OnceLedger(HandledOnceRepository handled, Clock clock) {
    this.handled = handled;
    this.clock = clock;
  }

  /** True the first time this id of this kind is seen (and records it); false every later time. */
  @Transactional
  public boolean firstTime(Once kind, String id) {
    return handled.claim(kind.key(id), clock.instant()) == 1;
  }
}
