package io.warroom.timeline;

import io.micronaut.transaction.annotation.Transactional;
import io.warroom.once.Once;
import io.warroom.once.OnceLedger;
import io.warroom.room.RoomRef;
import io.warroom.room.WarRooms;
import io.warroom.room.delivery.RoomPosts;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;

/**
 * Takes what happened in a channel, already in domain words, and records it in the timeline exactly
 * once: a delivery whose event id was handled before (a Slack retry, another replica) changes
 * nothing, and a message is stored once per channel and ts. Channels that are no war room are
 * ignored.
 */
@Singleton
public class TimelineCapture {

  /** What became of a delivery. */
  public enum Outcome {
    RECORDED,
    DUPLICATE,
    NOT_AN_INCIDENT_CHANNEL
  }

  private final WarRooms rooms;
  private final OnceLedger once;
  private final TimelineWriter writer;
  private final Clock clock;
  private final RoomPosts posts;

  TimelineCapture(
      WarRooms rooms, OnceLedger once, TimelineWriter writer, Clock clock, RoomPosts posts) {
    this.posts = posts;
    this.rooms = rooms;
    this.once = once;
    this.writer = writer;
    this.clock = clock;
  }

  @Transactional
  public Outcome message(String eventId, CapturedMessage message) {
    return once(
        eventId,
        message.channelId(),
        room ->
            writer.message(
                    room.incidentId(),
                    message,
                    room.inExplorationThread(message.threadTs(), message.ts()))
                ? Outcome.RECORDED
                : Outcome.DUPLICATE);
  }

  /**
   * A message as it reads after an edit. Slack does not promise to deliver events in order: when
   * the edit comes first (the message's own event failed and is redelivered later), the message is
   * stored from the edit, which carries all of it, and its late original changes nothing.
   */
  @Transactional
  public Outcome edited(String eventId, CapturedMessage now, Instant at) {
    return once(
        eventId,
        now.channelId(),
        room ->
            recorded(
                () ->
                    writer.edit(
                        room.incidentId(),
                        now,
                        room.inExplorationThread(now.threadTs(), now.ts()),
                        at)));
  }

  /**
   * A deleted message: its words and files are forgotten. When the deletion comes before the
   * message (see {@link #edited}), a deleted entry is stored in its place, so that the message,
   * arriving late, is never stored: a pasted secret that was deleted stays out of the timeline.
   *
   * @param deleted the message as it was, as far as the deletion tells (author, thread, time)
   */
  @Transactional
  public Outcome deleted(String eventId, CapturedMessage deleted, Instant at) {
    return once(
        eventId,
        deleted.channelId(),
        room ->
            recorded(
                () -> {
                  boolean quoted =
                      writer.delete(
                          room.incidentId(),
                          deleted,
                          room.inExplorationThread(deleted.threadTs(), deleted.ts()),
                          at);
                  if (quoted) {
                    // A postmortem file already in Slack may hold the words: post a new one.
                    posts.replaceDocuments(room.incidentId());
                  }
                }));
  }

  /**
   * A :pushpin: added to (or taken off) a message makes it a key event (or not). One that comes
   * before its message (see {@link #edited}) counts once the message is stored.
   */
  @Transactional
  public Outcome pinned(String eventId, String channelId, String ts, boolean added) {
    return once(
        eventId,
        channelId,
        room -> recorded(() -> writer.pin(channelId, ts, added, clock.instant())));
  }

  @Transactional
  public Outcome joined(String eventId, String channelId, String user, Instant at) {
    return once(
        eventId, channelId, room -> recorded(() -> writer.joined(room.incidentId(), user, at)));
  }

  /**
   * Runs {@code write} for a delivery in a war room, the first time its event id is seen; any other
   * channel, or a redelivery, changes nothing.
   */
  private Outcome once(String eventId, String channelId, Function<RoomRef, Outcome> write) {
    Optional<RoomRef> room = rooms.room(channelId);
    if (room.isEmpty()) {
      return Outcome.NOT_AN_INCIDENT_CHANNEL;
    }
    if (!firstDelivery(eventId)) {
      return Outcome.DUPLICATE;
    }
    return write.apply(room.get());
  }

  private static Outcome recorded(Runnable write) {
    write.run();
    return Outcome.RECORDED;
  }

  private boolean firstDelivery(String eventId) {
    return eventId == null || once.firstTime(Once.EVENT, eventId);
  }
}
