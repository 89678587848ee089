package io.warroom.room.delivery;

import io.warroom.room.RoomDocument;

/** What an outbox entry is, which decides how it is rendered and what delivering it records. */
public enum OutboxKind {
  /** The incident card, drawn from the incident's state when it is posted; then pinned. */
  CARD,
  /** The message that starts the technical exploration thread. */
  EXPLORATION_THREAD,
  /** The declaration notice for the announce channel, drawn when posted (it links the room). */
  ANNOUNCEMENT,
  /** Any other message, stored ready to post. */
  MESSAGE,
  /** The summary message of a {@link RoomDocument}, drawn when posted. */
  DOCUMENT_SUMMARY,
  /** A {@link RoomDocument} uploaded as a file, drawn when posted. */
  DOCUMENT,
  /** A {@link RoomDrawing}, posted once and then redrawn in place, drawn when delivered. */
  DRAWN
}
