package io.warroom.room.delivery;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.warroom.room.text.RoomMessages;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What other features may queue for a war room. Call it inside the transaction of the change that
 * calls for the post; delivery follows after commit.
 */
@Singleton
public class RoomPosts {

  private final OutboxRepository outbox;
  private final ObjectMapper json;
  private final Clock clock;

  RoomPosts(OutboxRepository outbox, ObjectMapper json, Clock clock) {
    this.outbox = outbox;
    this.json = json;
    this.clock = clock;
  }

  /** Posts a document's summary, then the document as a file, both drawn when delivered. */
  public void document(long incidentId, String documentName) {
    String body = toJson(Map.of("document", documentName));
    for (OutboxKind kind : new OutboxKind[] {OutboxKind.DOCUMENT_SUMMARY, OutboxKind.DOCUMENT}) {
      outbox.save(
          OutboxEntry.queued(
              incidentId, OutboxEntry.ROOM, kind, body, clock.instant(), null, null));
    }
  }

  /**
   * Asks for the drawing's message to be drawn anew from state: posted the first time, updated in
   * place after that. Call inside the transaction of the change, holding the incident's row lock,
   * so that two changes at once (two replicas) never both post it.
   */
  public void redraw(long incidentId, String drawingName) {
    String ref = drawnRef(drawingName);
    boolean posted = outbox.existsByIncidentIdAndRef(incidentId, ref);
    String body = toJson(Map.of("drawing", drawingName));
    outbox.save(
        OutboxEntry.queued(
            incidentId,
            OutboxEntry.ROOM,
            OutboxKind.DRAWN,
            body,
            clock.instant(),
            posted ? null : ref,
            posted ? ref : null));
  }

  static String drawnRef(String drawingName) {
    return "drawn:" + drawingName;
  }

  /**
   * Replaces every document already uploaded for the incident (the postmortem draft) with one drawn
   * anew, e.g. after a message it quoted was deleted: the new file is shared, then the old ones are
   * deleted ({@code replaces} in the entry).
   */
  public void replaceDocuments(long incidentId) {
    Map<String, List<String>> uploaded = new LinkedHashMap<>();
    for (OutboxEntry e :
        outbox.findByIncidentIdAndKindAndFileIdIsNotNullOrderById(
            incidentId, OutboxKind.DOCUMENT)) {
      try {
        String name = json.readTree(e.body()).path("document").asText();
        uploaded.computeIfAbsent(name, n -> new ArrayList<>()).add(e.fileId());
      } catch (com.fasterxml.jackson.core.JsonProcessingException unreadable) {
        // a body this code did not write: nothing to replace
      }
    }
    uploaded.forEach(
        (name, files) -> {
          String body = toJson(Map.of("document", name, "replaces", files));
          outbox.save(
              OutboxEntry.queued(
                  incidentId,
                  OutboxEntry.ROOM,
                  OutboxKind.DOCUMENT,
                  body,
                  clock.instant(),
                  null,
                  null));
        });
  }

  /**
   * For an incident declared from a message: a line in the war room linking that message and, if
   * {@code replyInThread}, a reply in the message's thread linking the war room, drawn when posted
   * like the announcement (so it names the channel once it exists).
   */
  public void declaredFrom(
      long incidentId,
      String channelId,
      String messageTs,
      String permalink,
      boolean replyInThread) {
    String line = toJson(RoomMessages.declaredFrom(channelId, permalink));
    outbox.save(
        OutboxEntry.queued(
            incidentId, OutboxEntry.ROOM, OutboxKind.MESSAGE, line, clock.instant(), null, null));
    if (replyInThread) {
      outbox.save(
          new OutboxEntry(
              null,
              incidentId,
              channelId,
              messageTs,
              null,
              OutboxKind.ANNOUNCEMENT,
              "{}",
              clock.instant(),
              null,
              null,
              null,
              null,
              null,
              null,
              null));
    }
  }

  private String toJson(Object value) {
    try {
      return json.writeValueAsString(value);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
