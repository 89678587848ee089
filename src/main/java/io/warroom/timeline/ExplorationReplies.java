package io.warroom.timeline;

import io.micronaut.runtime.event.annotation.EventListener;
import io.warroom.room.ExplorationThreadStarted;
import jakarta.inject.Singleton;

/**
 * Replies captured before the exploration thread's ts was stored were taken for channel talk; once
 * it is stored (in the same transaction), they are marked as exploration.
 */
@Singleton
class ExplorationReplies {

  private final TimelineRepository entries;

  ExplorationReplies(TimelineRepository entries) {
    this.entries = entries;
  }

  @EventListener
  void on(ExplorationThreadStarted started) {
    entries.markExploration(started.incidentId(), started.threadTs());
  }
}
