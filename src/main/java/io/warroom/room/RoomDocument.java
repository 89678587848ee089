package io.warroom.room;

import io.warroom.chat.ChatMessage;

/**
 * A document the war room can post as a file, drawn from stored state when it is delivered (the
 * postmortem draft). Implemented by the feature that owns the document; the war room only knows
 * this interface.
 */
public interface RoomDocument {

  /** The document's name, e.g. {@code postmortem}. */
  String name();

  /** The short message posted before the file, with the key figures. */
  ChatMessage summary(long incidentId);

  /** The file itself. */
  Attachment file(long incidentId);

  /** A file to share: its name, title, text content and the comment that goes with it. */
  record Attachment(String filename, String title, String content, String comment) {}
}
