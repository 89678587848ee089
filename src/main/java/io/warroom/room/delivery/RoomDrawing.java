package io.warroom.room.delivery;

import io.warroom.chat.ChatMessage;

/**
 * A message in the war room that is drawn from stored state each time it is delivered, like the
 * incident card: posted once, then updated in place ({@code chat.update}) whenever its feature asks
 * for a redraw through {@link RoomPosts#redraw}. Implemented by the feature that owns it (the
 * hypothesis board); the war room only knows this interface.
 */
public interface RoomDrawing {

  /** The drawing's name, e.g. {@code hypotheses}; one message per incident and name. */
  String name();

  /** The message as the incident's state is now. */
  ChatMessage draw(long incidentId);
}
