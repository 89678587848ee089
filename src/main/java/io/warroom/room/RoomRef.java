package io.warroom.room;

import io.micronaut.core.annotation.Nullable;

/** An incident's war-room channel and its exploration thread, once they exist. */
public record RoomRef(long incidentId, String channelId, @Nullable String threadTs) {

  /** Whether a message with this thread ts is a reply in the exploration thread. */
  public boolean inExplorationThread(@Nullable String messageThreadTs, String messageTs) {
    return threadTs != null && threadTs.equals(messageThreadTs) && !threadTs.equals(messageTs);
  }
}
