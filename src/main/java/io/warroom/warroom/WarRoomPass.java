package io.warroom.warroom;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.transaction.TransactionOperations;
import io.warroom.chat.ChatFailure;
import io.warroom.chat.ChatMessage;
import io.warroom.chat.ChatPort;
import io.warroom.heartbeat.Heartbeats;
import io.warroom.incident.Incident;
import io.warroom.incident.IncidentRepository;
import io.warroom.incident.Role;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One pass of bringing the chat platform in line with an incident's stored state: build what is
 * missing (channel, members, topic), post what is queued in order, redraw the card. Every step
 * records its result at once, so a pass that fails anywhere resumes where it stopped. Only the
 * holder of the room's lease runs a pass.
 */
@Singleton
class WarRoomPass {

  private static final Logger LOG = LoggerFactory.getLogger(WarRoomPass.class);

  /** Slack's clocks and ours may differ; a channel created this long before we asked is ours. */
  private static final Duration CLOCK_SLACK = Duration.ofSeconds(60);

  /** How many {@code -2}, {@code -3}, ... names to try before giving up. */
  private static final int MAX_NAME_ATTEMPTS = 50;

  private final WarRoomRepository rooms;
  private final OutboxRepository outbox;
  private final IncidentRepository incidents;
  private final ChatPort chat;
  private final Heartbeats heartbeats;
  private final Map<String, RoomDocument> documents = new HashMap<>();
  private final ObjectMapper json;
  private final TransactionOperations<Connection> tx;
  private final Clock clock;

  WarRoomPass(
      WarRoomRepository rooms,
      OutboxRepository outbox,
      IncidentRepository incidents,
      ChatPort chat,
      Heartbeats heartbeats,
      List<RoomDocument> documents,
      ObjectMapper json,
      TransactionOperations<Connection> tx,
      Clock clock) {
    this.rooms = rooms;
    this.outbox = outbox;
    this.incidents = incidents;
    this.chat = chat;
    this.heartbeats = heartbeats;
    documents.forEach(d -> this.documents.put(d.name(), d));
    this.json = json;
    this.tx = tx;
    this.clock = clock;
  }

  /**
   * Runs one pass; throws {@link ChatFailure} when the platform fails on the way. Before each post
   * it renews this replica's lease on the room; once another replica has taken the room over (the
   * lease ran out during a long step), it stops, so that the two do not post the same entries.
   */
  void run(long incidentId, BooleanSupplier renewLease) {
    Optional<WarRoom> maybeRoom = rooms.findById(incidentId);
    if (maybeRoom.isEmpty()) {
      return;
    }
    Incident incident = incidents.findById(incidentId).orElseThrow();
    String channel = ensureChannel(maybeRoom.get(), incident);
    WarRoom room = rooms.findById(incidentId).orElseThrow();
    ensureMembers(room, incident, channel);
    ensureTopic(room, incident, channel);
    for (OutboxEntry entry : outbox.findByIncidentIdAndDeliveredAtIsNullOrderById(incidentId)) {
      if (!renewLease.getAsBoolean()) {
        LOG.info("War room {}: another replica took it over; this one stops", incidentId);
        return;
      }
      deliver(entry, incident, channel);
    }
    ensureCard(rooms.findById(incidentId).orElseThrow(), incident, channel);
  }

  private String ensureChannel(WarRoom room, Incident incident) {
    if (room.channelId() != null) {
      return room.channelId();
    }
    int attempt = room.nameAttempt();
    Instant startedAt = room.createStartedAt();
    while (attempt <= MAX_NAME_ATTEMPTS) {
      String name = ChannelNames.attempt(room.channelBase(), attempt);
      if (startedAt != null) {
        // An earlier try with this name may have created the channel before its answer was lost.
        Optional<ChatPort.Channel> ours = ownChannel(name, startedAt);
        if (ours.isPresent()) {
          rooms.setChannel(incident.id(), ours.get().id(), name);
          return ours.get().id();
        }
      }
      startedAt = clock.instant();
      rooms.setNameAttempt(incident.id(), attempt, startedAt);
      try {
        ChatPort.Channel created = chat.createChannel(name, incident.privateIncident());
        rooms.setChannel(incident.id(), created.id(), created.name());
        return created.id();
      } catch (ChatFailure failure) {
        if (failure.kind() != ChatFailure.Kind.NAME_TAKEN) {
          throw failure;
        }
        attempt++;
        startedAt = null;
        rooms.setNameAttempt(incident.id(), attempt, null);
      }
    }
    throw new ChatFailure(
        ChatFailure.Kind.REJECTED,
        "no free channel name after " + MAX_NAME_ATTEMPTS + " tries of " + room.channelBase());
  }

  private Optional<ChatPort.Channel> ownChannel(String name, Instant startedAt) {
    return chat.findChannel(name)
        .filter(c -> chat.botUserId().equals(c.creator()))
        .filter(c -> c.created() == null || !c.created().isBefore(startedAt.minus(CLOCK_SLACK)))
        .filter(c -> rooms.findByChannelId(c.id()).isEmpty());
  }

  private void ensureMembers(WarRoom room, Incident incident, String channel) {
    Set<String> wanted = new LinkedHashSet<>();
    wanted.add(incident.declaredBy());
    for (Role role : Role.values()) {
      incident.holder(role).ifPresent(wanted::add);
    }
    wanted.remove(chat.botUserId());
    Set<String> invited = room.invitedUsers();
    wanted.removeAll(invited);
    if (wanted.isEmpty()) {
      return;
    }
    chat.invite(channel, wanted);
    invited.addAll(wanted);
    rooms.setInvited(incident.id(), String.join(",", invited));
  }

  private void ensureTopic(WarRoom room, Incident incident, String channel) {
    String topic = TopicView.render(incident);
    if (!topic.equals(room.topic())) {
      chat.setTopic(channel, topic);
      rooms.setTopic(incident.id(), topic);
    }
  }

  private void deliver(OutboxEntry entry, Incident incident, String roomChannel) {
    String channel = OutboxEntry.ROOM.equals(entry.channelId()) ? roomChannel : entry.channelId();
    if (entry.kind() == OutboxKind.DOCUMENT) {
      deliverDocument(entry, incident, channel);
      return;
    }
    ChatMessage message;
    try {
      message = render(entry, incident, roomChannel);
    } catch (UncheckedIOException unreadable) {
      LOG.error(
          "Gave up unreadable outbox entry {} of incident {}",
          entry.id(),
          incident.id(),
          unreadable);
      outbox.markGivenUp(
          entry.id(), clock.instant(), "unreadable: " + truncate(unreadable.getMessage()));
      return;
    }
    try {
      if (entry.updateTs() != null || entry.updateRef() != null) {
        String target =
            entry.updateTs() != null
                ? entry.updateTs()
                : outbox.findTsByRef(incident.id(), entry.updateRef()).orElse(null);
        if (target == null) {
          outbox.markGivenUp(
              entry.id(), clock.instant(), "no posted message named " + entry.updateRef());
          return;
        }
        chat.update(channel, target, message);
        outbox.markDelivered(entry.id(), clock.instant(), target);
        return;
      }
      String ts = postOnce(entry, channel, message);
      tx.executeWrite(
          status -> {
            outbox.markDelivered(entry.id(), clock.instant(), ts);
            if (entry.kind() == OutboxKind.CARD) {
              rooms.setCard(incident.id(), ts, incident.revision());
            } else if (entry.kind() == OutboxKind.EXPLORATION_THREAD) {
              rooms.setThread(incident.id(), ts);
            }
            return null;
          });
    } catch (ChatFailure failure) {
      if (failure.isTransient()) {
        throw failure;
      }
      // Slack will never take this message; give it up so the messages after it still go out.
      LOG.error(
          "Gave up outbox entry {} ({}) of incident {}: {}",
          entry.id(),
          entry.kind(),
          incident.id(),
          failure.getMessage());
      outbox.markGivenUp(entry.id(), clock.instant(), truncate(failure.getMessage()));
    }
  }

  /** Posts an entry exactly once, even when an earlier try's answer was lost. */
  private String postOnce(OutboxEntry entry, String channel, ChatMessage message) {
    if (entry.attemptedAt() != null) {
      Optional<String> earlier =
          chat.findPosted(
              channel, entry.threadTs(), entry.key(), entry.attemptedAt().minus(CLOCK_SLACK));
      if (earlier.isPresent()) {
        return earlier.get();
      }
    }
    outbox.markAttempted(entry.id(), clock.instant());
    try {
      return chat.post(channel, entry.threadTs(), message, entry.key());
    } catch (ChatFailure failure) {
      if (failure.kind() != ChatFailure.Kind.NOT_IN_CHANNEL
          || OutboxEntry.ROOM.equals(entry.channelId())) {
        throw failure;
      }
      // The announce channel: join it (public channels only) and try once more.
      chat.join(channel);
      return chat.post(channel, entry.threadTs(), message, entry.key());
    }
  }

  private void ensureCard(WarRoom room, Incident incident, String channel) {
    if (room.cardTs() == null) {
      return;
    }
    if (!room.cardPinned()) {
      chat.pin(channel, room.cardTs());
      rooms.setPinned(incident.id());
    }
    if (room.syncedRevision() < incident.revision()) {
      chat.update(
          channel,
          room.cardTs(),
          CardView.render(incident, heartbeats.nextDue(incident.id()).orElse(null)));
      rooms.setSyncedRevision(incident.id(), incident.revision());
    }
  }

  private ChatMessage render(OutboxEntry entry, Incident incident, String roomChannel) {
    return switch (entry.kind()) {
      case CARD -> CardView.render(incident, heartbeats.nextDue(incident.id()).orElse(null));
      case ANNOUNCEMENT -> RoomMessages.announcement(incident, roomChannel);
      case DOCUMENT_SUMMARY -> document(entry).summary(incident.id());
      case EXPLORATION_THREAD, MESSAGE, DOCUMENT -> parse(entry.body());
    };
  }

  /** Uploads a document once, then shares it once, even when an answer was lost in between. */
  private void deliverDocument(OutboxEntry entry, Incident incident, String channel) {
    try {
      String fileId = entry.fileId();
      if (fileId == null) {
        RoomDocument.Attachment file = document(entry).file(incident.id());
        fileId = chat.uploadFile(file.filename(), file.content().getBytes(StandardCharsets.UTF_8));
        outbox.setFileId(entry.id(), fileId);
      } else if (entry.attemptedAt() != null
          && chat.fileShared(channel, fileId, entry.attemptedAt().minus(CLOCK_SLACK))) {
        outbox.markDelivered(entry.id(), clock.instant(), fileId);
        return;
      }
      RoomDocument.Attachment file = document(entry).file(incident.id());
      outbox.markAttempted(entry.id(), clock.instant());
      chat.shareFile(fileId, file.title(), channel, file.comment());
      outbox.markDelivered(entry.id(), clock.instant(), fileId);
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
      outbox.markGivenUp(entry.id(), clock.instant(), truncate(failure.getMessage()));
    }
  }

  /**
   * Once a replacement is shared, the files it replaces are deleted, so the text they held (a
   * deleted message) is gone from Slack too. A failure is logged; the new file is already there.
   */
  private void deleteReplaced(OutboxEntry entry, Incident incident) {
    try {
      for (com.fasterxml.jackson.databind.JsonNode old :
          json.readTree(entry.body()).path("replaces")) {
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

  private RoomDocument document(OutboxEntry entry) {
    String name = parseDocumentName(entry.body());
    RoomDocument doc = documents.get(name);
    if (doc == null) {
      throw new UncheckedIOException(new IOException("no document named " + name));
    }
    return doc;
  }

  private String parseDocumentName(String body) {
    try {
      return json.readTree(body).path("document").asText();
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

  private static String truncate(String text) {
    String t = Objects.requireNonNullElse(text, "");
    return t.length() <= 500 ? t : t.substring(0, 500);
  }
}
