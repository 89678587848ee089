package io.warroom.room.delivery;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.transaction.TransactionOperations;
import io.warroom.chat.ChatFailure;
import io.warroom.chat.ChatMessage;
import io.warroom.chat.ChatPort;
import io.warroom.config.DaemonThreads;
import io.warroom.heartbeat.Heartbeats;
import io.warroom.incident.Incident;
import io.warroom.incident.IncidentRepository;
import io.warroom.incident.Role;
import io.warroom.room.CardAlerts;
import io.warroom.room.CardLines;
import io.warroom.room.CardView;
import io.warroom.room.ChannelNames;
import io.warroom.room.ExplorationThreadStarted;
import io.warroom.room.InstallationId;
import io.warroom.room.RoomDocument;
import io.warroom.room.TopicView;
import io.warroom.room.WarRoom;
import io.warroom.room.WarRoomRepository;
import io.warroom.room.text.RoomMessages;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One pass of bringing the chat platform in line with an incident's stored state: build what is
 * missing (channel, members, topic), post what is queued in order, redraw the card. Every step
 * records its result at once, so a pass that fails anywhere resumes where it stopped. Only the
 * holder of the room's lease runs a pass.
 *
 * <p>Steps that do not depend on each other run at the same time, so a room takes as long as its
 * longest chain of calls (create, post the card, pin it), not the sum of them all: once the channel
 * exists the card goes first, and nobody is invited before it is there, so the declarer never walks
 * into a room without it; then the invites, the topic, the pin and the card's redraw, the room's
 * other posts in order, and each other channel's posts in order (the announcement), all together.
 * One step failing does not stop the others; the pass then fails with it, and the next pass does
 * what is left.
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
  private final Map<String, RoomDrawing> drawings = new HashMap<>();
  private final ObjectMapper json;
  private final TransactionOperations<Connection> tx;
  private final InstallationId installation;
  private final CardAlerts cardAlerts;

  /** Runs the steps of passes that go on at the same time as others; idle threads end soon. */
  private final ExecutorService steps =
      new ThreadPoolExecutor(
          0,
          Integer.MAX_VALUE,
          10,
          TimeUnit.SECONDS,
          new SynchronousQueue<>(),
          DaemonThreads.named("war-room-step-"));

  WarRoomPass(
      WarRoomRepository rooms,
      OutboxRepository outbox,
      IncidentRepository incidents,
      ChatPort chat,
      Heartbeats heartbeats,
      List<RoomDocument> documents,
      ObjectMapper json,
      TransactionOperations<Connection> tx,
      InstallationId installation,
      List<RoomDrawing> drawings,
      CardAlerts cardAlerts) {
    this.installation = installation;
    drawings.forEach(d -> this.drawings.put(d.name(), d));
    this.cardAlerts = cardAlerts;
    this.rooms = rooms;
    this.outbox = outbox;
    this.incidents = incidents;
    this.chat = chat;
    this.heartbeats = heartbeats;
    documents.forEach(d -> this.documents.put(d.name(), d));
    this.json = json;
    this.tx = tx;
  }

  /**
   * Runs one pass under the given lease; throws {@link ChatFailure} when the platform fails on the
   * way, and {@link Lease.Lost} once another replica has taken the room over (the lease ran out
   * while this one was paused or stuck in a long step). Every write names the lease's generation,
   * and the lease is confirmed just before each call that creates something in Slack (a channel, a
   * post, an upload, a share, an edit), so that the two never make the same thing twice.
   */
  void run(long incidentId, Lease lease) {
    Optional<WarRoom> maybeRoom = rooms.findById(incidentId);
    if (maybeRoom.isEmpty()) {
      return;
    }
    Incident incident = incidents.findById(incidentId).orElseThrow();
    String channel = ensureChannel(maybeRoom.get(), incident, lease);
    // Each channel's posts go out in order; the channels' queues are independent.
    Map<String, List<OutboxEntry>> queues = new LinkedHashMap<>();
    queues.put(OutboxEntry.ROOM, new ArrayList<>());
    for (OutboxEntry entry : outbox.findByIncidentIdAndDeliveredAtIsNullOrderById(incidentId)) {
      queues.computeIfAbsent(entry.channelId(), c -> new ArrayList<>()).add(entry);
    }
    List<OutboxEntry> roomPosts = queues.remove(OutboxEntry.ROOM);
    if (!roomPosts.isEmpty() && roomPosts.get(0).kind() == OutboxKind.CARD) {
      deliverInOrder(List.of(roomPosts.remove(0)), incident, channel, lease);
    }
    WarRoom room = rooms.findById(incidentId).orElseThrow();
    List<Runnable> steps = new ArrayList<>();
    steps.add(() -> ensureMembers(room, incident, channel, lease));
    steps.add(() -> deliverInOrder(roomPosts, incident, channel, lease));
    queues.values().forEach(q -> steps.add(() -> deliverInOrder(q, incident, channel, lease)));
    steps.add(() -> ensureCard(room, incident, channel, lease));
    steps.add(() -> ensureTopic(room, incident, channel, lease));
    runTogether(steps);
  }

  /**
   * Posts entries one after another; each post confirms the lease first and throws {@link
   * Lease.Lost} once another replica has the room.
   */
  private void deliverInOrder(
      List<OutboxEntry> entries, Incident incident, String channel, Lease lease) {
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

  /**
   * Runs the steps at the same time and waits for all of them; then throws what failed, preferring
   * a fault of Warroom's own, then a failure to retry soon over a wait for the rate limit.
   */
  private void runTogether(List<Runnable> steps) {
    List<CompletableFuture<Void>> running = new ArrayList<>();
    for (Runnable step : steps.subList(1, steps.size())) {
      running.add(CompletableFuture.runAsync(step, this.steps));
    }
    RuntimeException failed = null;
    try {
      steps.get(0).run();
    } catch (RuntimeException e) {
      failed = e;
    }
    for (CompletableFuture<Void> step : running) {
      try {
        step.join();
      } catch (CompletionException | CancellationException e) {
        RuntimeException cause =
            e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e);
        failed = failed == null ? cause : worse(failed, cause);
      }
    }
    if (failed != null) {
      throw failed;
    }
  }

  private static RuntimeException worse(RuntimeException a, RuntimeException b) {
    RuntimeException first = rank(a) <= rank(b) ? a : b;
    RuntimeException second = first == a ? b : a;
    first.addSuppressed(second);
    return first;
  }

  /**
   * Lower goes first: a bug or database fault, a failure without a wait, then the shortest wait.
   */
  private static long rank(RuntimeException e) {
    if (!(e instanceof ChatFailure f)) {
      return Long.MIN_VALUE;
    }
    return f.retryAfter().map(Duration::toMillis).orElse(Long.MIN_VALUE + 1);
  }

  @PreDestroy
  void stop() {
    steps.shutdown();
  }

  private String ensureChannel(WarRoom room, Incident incident, Lease lease) {
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
          lease.wrote(rooms.setChannel(incident.id(), lease.generation(), ours.get().id(), name));
          return ours.get().id();
        }
      }
      lease.wrote(rooms.setNameAttempt(incident.id(), lease.generation(), attempt, true));
      lease.confirm();
      try {
        ChatPort.Channel created = chat.createChannel(name, incident.privateIncident());
        lease.wrote(
            rooms.setChannel(incident.id(), lease.generation(), created.id(), created.name()));
        return created.id();
      } catch (ChatFailure failure) {
        if (failure.kind() == ChatFailure.Kind.RATE_LIMITED) {
          // Refused before it was made, and no earlier try made it (looked for above): the next
          // pass need not look for a channel first.
          lease.wrote(rooms.setNameAttempt(incident.id(), lease.generation(), attempt, false));
          throw failure;
        }
        if (failure.kind() != ChatFailure.Kind.NAME_TAKEN) {
          throw failure;
        }
        attempt++;
        startedAt = null;
        lease.wrote(rooms.setNameAttempt(incident.id(), lease.generation(), attempt, false));
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

  private void ensureMembers(WarRoom room, Incident incident, String channel, Lease lease) {
    Set<String> wanted = new LinkedHashSet<>();
    if (incident.declaredByPerson()) {
      wanted.add(incident.declaredBy());
    }
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
    lease.wrote(rooms.setInvited(incident.id(), lease.generation(), String.join(",", invited)));
  }

  private void ensureTopic(WarRoom room, Incident incident, String channel, Lease lease) {
    String topic = TopicView.render(incident);
    if (!topic.equals(room.topic())) {
      chat.setTopic(channel, topic);
      lease.wrote(rooms.setTopic(incident.id(), lease.generation(), topic));
    }
  }

  private void deliver(OutboxEntry entry, Incident incident, String roomChannel, Lease lease) {
    String channel = OutboxEntry.ROOM.equals(entry.channelId()) ? roomChannel : entry.channelId();
    long generation = lease.generation();
    if (entry.kind() == OutboxKind.DOCUMENT) {
      deliverDocument(entry, incident, channel, lease);
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
      lease.wrote(
          outbox.markGivenUp(
              entry.id(), generation, "unreadable: " + truncate(unreadable.getMessage())));
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
      lease.wrote(outbox.markGivenUp(entry.id(), generation, truncate(failure.getMessage())));
    }
  }

  /** Posts an entry exactly once, even when an earlier try's answer was lost. */
  private String postOnce(OutboxEntry entry, String channel, ChatMessage message, Lease lease) {
    String key = entry.key(installation.get());
    if (entry.attemptedAt() != null) {
      Optional<String> earlier =
          chat.findPosted(channel, entry.threadTs(), key, entry.attemptedAt().minus(CLOCK_SLACK));
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

  private void ensureCard(WarRoom room, Incident incident, String channel, Lease lease) {
    if (room.cardTs() == null) {
      return;
    }
    if (!room.cardPinned()) {
      chat.pin(channel, room.cardTs());
      lease.wrote(rooms.setPinned(incident.id(), lease.generation()));
    }
    if (room.syncedRevision() < incident.revision()) {
      chat.update(channel, room.cardTs(), card(incident));
      lease.wrote(rooms.setSyncedRevision(incident.id(), lease.generation(), incident.revision()));
    }
  }

  /** Lines other features add to the card (a pending handover). */
  @Inject List<CardLines> cardLines = List.of();

  @Inject ApplicationEventPublisher<ExplorationThreadStarted> threadStarted;

  private ChatMessage card(Incident incident) {
    List<String> extra = new java.util.ArrayList<>();
    cardLines.forEach(c -> extra.addAll(c.lines(incident)));
    return CardView.render(
        incident,
        heartbeats.nextDue(incident.id()).orElse(null),
        extra,
        cardAlerts.lines(incident.id()));
  }

  private ChatMessage render(OutboxEntry entry, Incident incident, String roomChannel) {
    return switch (entry.kind()) {
      case CARD -> card(incident);
      case ANNOUNCEMENT -> RoomMessages.announcement(incident, roomChannel);
      case DOCUMENT_SUMMARY -> document(entry).summary(incident.id());
      case DRAWN -> drawing(entry).draw(incident.id());
      case EXPLORATION_THREAD, MESSAGE, DOCUMENT -> parse(entry.body());
    };
  }

  /** Uploads a document once, then shares it once, even when an answer was lost in between. */
  private void deliverDocument(OutboxEntry entry, Incident incident, String channel, Lease lease) {
    long generation = lease.generation();
    try {
      String fileId = entry.fileId();
      if (fileId == null) {
        RoomDocument.Attachment file = document(entry).file(incident.id());
        lease.confirm();
        fileId = chat.uploadFile(file.filename(), file.content().getBytes(StandardCharsets.UTF_8));
        lease.wrote(outbox.setFileId(entry.id(), generation, fileId));
      } else if (entry.attemptedAt() != null
          && chat.fileShared(channel, fileId, entry.attemptedAt().minus(CLOCK_SLACK))) {
        lease.wrote(outbox.markDelivered(entry.id(), generation, fileId));
        return;
      }
      RoomDocument.Attachment file = document(entry).file(incident.id());
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
      lease.wrote(outbox.markGivenUp(entry.id(), generation, truncate(failure.getMessage())));
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

  private RoomDrawing drawing(OutboxEntry entry) {
    String name;
    try {
      name = json.readTree(entry.body()).path("drawing").asText();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    RoomDrawing drawing = drawings.get(name);
    if (drawing == null) {
      throw new UncheckedIOException(new IOException("no drawing named " + name));
    }
    return drawing;
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
