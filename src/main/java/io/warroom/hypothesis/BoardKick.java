package io.warroom.hypothesis;

import io.micronaut.transaction.annotation.TransactionalEventListener;
import io.warroom.room.delivery.WarRoomSync;
import jakarta.inject.Singleton;

/**
 * Wakes the war room's delivery once a board change that is not an incident event (a link added to
 * a hypothesis) has committed; incident events wake it by themselves.
 */
@Singleton
class BoardKick {

  /** The board of this incident was asked to redraw. */
  record Redrawn(long incidentId) {}

  private final WarRoomSync sync;

  BoardKick(WarRoomSync sync) {
    this.sync = sync;
  }

  @TransactionalEventListener(TransactionalEventListener.TransactionPhase.AFTER_COMMIT)
  void afterCommit(Redrawn redrawn) {
    sync.kick(redrawn.incidentId());
  }
}
