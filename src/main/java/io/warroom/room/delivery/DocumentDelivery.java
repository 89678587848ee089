package io.warroom.room.delivery;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.warroom.chat.ChatFailure;
import io.warroom.chat.ChatPort;
import io.warroom.incident.Incident;
import io.warroom.room.RoomDocument;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers a document (a postmortem, say) as a file: uploaded once, then shared into the channel
 * once, even when an answer was lost in between; the files it replaces are deleted after.
 */
@Singleton
class DocumentDelivery {

  private static final Logger LOG = LoggerFactory.getLogger(DocumentDelivery.class);

  private final OutboxRepository outbox;
  private final ChatPort chat;
  private final EntryMessages messages;
  private final ObjectMapper json;

  DocumentDelivery(
      OutboxRepository outbox, ChatPort chat, EntryMessages messages, ObjectMapper json) {
    this.outbox = outbox;
    this.chat = chat;
    this.messages = messages;
    this.json = json;
  }

  /**
   * Uploads the document once, then shares it once. A transient failure is thrown for the next
   * pass; one Slack will never accept gives the entry up.
   */
  void deliver(OutboxEntry entry, Incident incident, String channel, Lease lease) {
    long generation = lease.generation();
    try {
      String fileId = entry.fileId();
      if (fileId == null) {
        RoomDocument.Attachment file = messages.document(entry).file(incident.id());
        lease.confirm();
        fileId = chat.uploadFile(file.filename(), file.content().getBytes(StandardCharsets.UTF_8));
        lease.wrote(outbox.setFileId(entry.id(), generation, fileId));
      } else if (entry.attemptedAt() != null
          && chat.fileShared(channel, fileId, DeliveryLimits.lookBackFrom(entry.attemptedAt()))) {
        lease.wrote(outbox.markDelivered(entry.id(), generation, fileId));
        return;
      }
      RoomDocument.Attachment file = messages.document(entry).file(incident.id());
      lease.wrote(outbox.markAttempted(entry.id(), generation));
      lease.confirm();
      chat.shareFile(fileId, file.title(), channel, file.comment());
      lease.wrote(outbox.markDelivered(entry.id(), generation, fileId));
      deleteReplaced(entry, incident);
    } catch (ChatFailure failure) {
      if (failure.isTransient()) {
        throw failure;
      }
      LOG.error(
          "Gave up document {} of incident {}: {}",
          entry.id(),
          incident.id(),
          failure.getMessage());
      lease.wrote(
          outbox.markGivenUp(entry.id(), generation, DeliveryLimits.reason(failure.getMessage())));
    }
  }

  /**
   * Once a replacement is shared, the files it replaces are deleted, so the text they held (a
   * deleted message) is gone from Slack too. A failure is logged; the new file is already there.
   */
  private void deleteReplaced(OutboxEntry entry, Incident incident) {
    try {
      for (JsonNode old : json.readTree(entry.body()).path("replaces")) {
        try {
          chat.deleteFile(old.asText());
        } catch (ChatFailure failure) {
          LOG.warn(
              "War room {}: could not delete replaced file {}: {}",
              incident.id(),
              old.asText(),
              failure.getMessage());
        }
      }
    } catch (IOException unreadable) {
      LOG.warn("War room {}: unreadable document entry {}", incident.id(), entry.id());
    }
  }
}
