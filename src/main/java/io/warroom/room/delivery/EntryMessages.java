package io.warroom.room.delivery;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.warroom.chat.ChatMessage;
import io.warroom.incident.Incident;
import io.warroom.room.RoomDocument;
import io.warroom.room.text.RoomMessages;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What an outbox entry says when it is delivered: stored text as it was queued, or, for what is
 * drawn from state (the card, the announcement, a document, a feature's drawing), drawn now. An
 * entry that cannot be read throws {@link UncheckedIOException}.
 */
@Singleton
class EntryMessages {

  private final Map<String, RoomDocument> documents = new HashMap<>();
  private final Map<String, RoomDrawing> drawings = new HashMap<>();
  private final ObjectMapper json;
  private final RoomCard card;

  EntryMessages(
      List<RoomDocument> documents, List<RoomDrawing> drawings, ObjectMapper json, RoomCard card) {
    documents.forEach(d -> this.documents.put(d.name(), d));
    drawings.forEach(d -> this.drawings.put(d.name(), d));
    this.json = json;
    this.card = card;
  }

  ChatMessage render(OutboxEntry entry, Incident incident, String roomChannel) {
    return switch (entry.kind()) {
      case CARD -> card.render(incident);
      case ANNOUNCEMENT -> RoomMessages.announcement(incident, roomChannel);
      case DOCUMENT_SUMMARY -> document(entry).summary(incident.id());
      case DRAWN -> drawing(entry).draw(incident.id());
      case EXPLORATION_THREAD, MESSAGE, DOCUMENT -> parse(entry.body());
    };
  }

  /** The document a {@link OutboxKind#DOCUMENT} or {@link OutboxKind#DOCUMENT_SUMMARY} names. */
  RoomDocument document(OutboxEntry entry) {
    String name = field(entry.body(), "document");
    RoomDocument doc = documents.get(name);
    if (doc == null) {
      throw new UncheckedIOException(new IOException("no document named " + name));
    }
    return doc;
  }

  private RoomDrawing drawing(OutboxEntry entry) {
    String name = field(entry.body(), "drawing");
    RoomDrawing drawing = drawings.get(name);
    if (drawing == null) {
      throw new UncheckedIOException(new IOException("no drawing named " + name));
    }
    return drawing;
  }

  private String field(String body, String name) {
    try {
      return json.readTree(body).path(name).asText();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private ChatMessage parse(String body) {
    try {
      return json.readValue(body, ChatMessage.class);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
