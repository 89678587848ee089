package io.warroom.room.delivery;

import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.transaction.TransactionOperations;
import io.warroom.chat.ChatFailure;
import io.warroom.chat.ChatMessage;
import io.warroom.chat.ChatPort;
import io.warroom.incident.Incident;
import io.warroom.room.ExplorationThreadStarted;
import io.warroom.room.InstallationId;
import io.warroom.room.WarRoomRepository;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Posts a channel's queued outbox entries in order, each exactly once: a post whose earlier try's
 * answer was lost is looked for in the channel's history (by its key) before it is posted again; an
 * update edits the message it names; a message Slack will never take is given up so that the ones
 * after it still go out. Each post confirms the lease first and throws {@link Lease.Lost} once
 * another replica has the room.
 */
@Singleton
class OutboxDelivery {

  private static final Logger LOG = LoggerFactory.getLogger(OutboxDelivery.class);

  private final OutboxRepository outbox;
  private final WarRoomRepository rooms;
  private final ChatPort chat;
  private final EntryMessages messages;
  private final DocumentDelivery documents;
  private final TransactionOperations<Connection> tx;
  private final InstallationId installation;

  @Inject ApplicationEventPublisher<ExplorationThreadStarted> threadStarted;

  OutboxDelivery(
      OutboxRepository outbox,
      WarRoomRepository rooms,
      ChatPort chat,
      EntryMessages messages,
      DocumentDelivery documents,
      TransactionOperations<Connection> tx,
      InstallationId installation) {
    this.outbox = outbox;
    this.rooms = rooms;
    this.chat = chat;
    this.messages = messages;
    this.documents = documents;
    this.tx = tx;
    this.installation = installation;
  }

  /** Posts the entries one after another, in the order given. */
  void deliverInOrder(List<OutboxEntry> entries, Incident incident, String channel, Lease lease) {
    for (int i = 0; i < entries.size(); i++) {
      OutboxEntry entry = entries.get(i);
      if (redrawnLater(entry, entries.subList(i + 1, entries.size()))) {
        // A later redraw of the same message shows the state as it is then; this one adds nothing.
        Optional<String> target = outbox.findTsByRef(incident.id(), entry.updateRef());
        if (target.isPresent()) {
          lease.wrote(outbox.markDelivered(entry.id(), lease.generation(), target.get()));
          continue;
        }
      }
      deliver(entry, incident, channel, lease);
    }
  }

  private static boolean redrawnLater(OutboxEntry entry, List<OutboxEntry> later) {
    return entry.kind() == OutboxKind.DRAWN
        && entry.updateRef() != null
        && later.stream()
            .anyMatch(e -> e.kind() == OutboxKind.DRAWN && entry.updateRef().equals(e.updateRef()));
  }

  private void deliver(OutboxEntry entry, Incident incident, String roomChannel, Lease lease) {
    String channel = OutboxEntry.ROOM.equals(entry.channelId()) ? roomChannel : entry.channelId();
    long generation = lease.generation();
    if (entry.kind() == OutboxKind.DOCUMENT) {
      documents.deliver(entry, incident, channel, lease);
      return;
    }
    ChatMessage message;
    try {
      message = messages.render(entry, incident, roomChannel);
    } catch (UncheckedIOException unreadable) {
      LOG.error(
          "Gave up unreadable outbox entry {} of incident {}",
          entry.id(),
          incident.id(),
          unreadable);
      lease.wrote(
          outbox.markGivenUp(
              entry.id(),
              generation,
              "unreadable: " + DeliveryLimits.reason(unreadable.getMessage())));
      return;
    }
    try {
      if (entry.updateTs() != null || entry.updateRef() != null) {
        String target =
            entry.updateTs() != null
                ? entry.updateTs()
                : outbox.findTsByRef(incident.id(), entry.updateRef()).orElse(null);
        if (target == null) {
          lease.wrote(
              outbox.markGivenUp(
                  entry.id(), generation, "no posted message named " + entry.updateRef()));
          return;
        }
        lease.confirm();
        chat.update(channel, target, message);
        lease.wrote(outbox.markDelivered(entry.id(), generation, target));
        return;
      }
      String ts = postOnce(entry, channel, message, lease);
      tx.executeWrite(
          status -> {
            lease.wrote(outbox.markDelivered(entry.id(), generation, ts));
            if (entry.kind() == OutboxKind.CARD) {
              lease.wrote(rooms.setCard(incident.id(), generation, ts, incident.revision()));
            } else if (entry.kind() == OutboxKind.EXPLORATION_THREAD) {
              lease.wrote(rooms.setThread(incident.id(), generation, ts));
              threadStarted.publishEvent(new ExplorationThreadStarted(incident.id(), ts));
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
      lease.wrote(
          outbox.markGivenUp(entry.id(), generation, DeliveryLimits.reason(failure.getMessage())));
    }
  }

  /** Posts an entry exactly once, even when an earlier try's answer was lost. */
  private String postOnce(OutboxEntry entry, String channel, ChatMessage message, Lease lease) {
    String key = entry.key(installation.get());
    if (entry.attemptedAt() != null) {
      Optional<String> earlier =
          chat.findPosted(
              channel, entry.threadTs(), key, DeliveryLimits.lookBackFrom(entry.attemptedAt()));
      if (earlier.isPresent()) {
        return earlier.get();
      }
    }
    lease.wrote(outbox.markAttempted(entry.id(), lease.generation()));
    lease.confirm();
    try {
      return chat.post(channel, entry.threadTs(), message, key);
    } catch (ChatFailure failure) {
      if (failure.kind() == ChatFailure.Kind.RATE_LIMITED) {
        // Refused before it was posted: the next try need not read the channel's history first.
        lease.wrote(outbox.restoreAttempted(entry.id(), lease.generation(), entry.attemptedAt()));
        throw failure;
      }
      if (failure.kind() != ChatFailure.Kind.NOT_IN_CHANNEL
          || OutboxEntry.ROOM.equals(entry.channelId())) {
        throw failure;
      }
      // The announce channel: join it (public channels only) and try once more.
      chat.join(channel);
      lease.confirm();
      return chat.post(channel, entry.threadTs(), message, key);
    }
  }
}
