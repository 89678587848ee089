package io.warroom.timeline;

import io.micronaut.transaction.annotation.Transactional;
import io.warroom.warroom.RoomRef;
import io.warroom.warroom.WarRooms;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

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
  private final ProcessedEventRepository processed;
  private final TimelineWriter writer;
  private final Clock clock;

  TimelineCapture(
      WarRooms rooms, ProcessedEventRepository processed, TimelineWriter writer, Clock clock) {
    this.rooms = rooms;
    this.processed = processed;
    this.writer = writer;
    this.clock = clock;
  }

  @Transactional
  public Outcome message(String eventId, CapturedMessage message) {
    Optional<RoomRef> room = rooms.room(message.channelId());
    if (room.isEmpty()) {
      return Outcome.NOT_AN_INCIDENT_CHANNEL;
    }
    if (!firstDelivery(eventId)) {
      return Outcome.DUPLICATE;
    }
    boolean exploration = room.get().inExplorationThread(message.threadTs(), message.ts());
    return writer.message(room.get().incidentId(), message, exploration)
        ? Outcome.RECORDED
        : Outcome.DUPLICATE;
  }

  @Transactional
  public Outcome edited(String eventId, String channelId, String ts, String newText, Instant at) {
    if (rooms.room(channelId).isEmpty()) {
      return Outcome.NOT_AN_INCIDENT_CHANNEL;
    }
    if (!firstDelivery(eventId)) {
      return Outcome.DUPLICATE;
    }
    writer.edit(channelId, ts, newText, at);
    return Outcome.RECORDED;
  }

  @Transactional
  public Outcome deleted(String eventId, String channelId, String ts, Instant at) {
    if (rooms.room(channelId).isEmpty()) {
      return Outcome.NOT_AN_INCIDENT_CHANNEL;
    }
    if (!firstDelivery(eventId)) {
      return Outcome.DUPLICATE;
    }
    writer.delete(channelId, ts, at);
    return Outcome.RECORDED;
  }

  /** A :pushpin: added to (or taken off) a message makes it a key event (or not). */
  @Transactional
  public Outcome pinned(String eventId, String channelId, String ts, boolean added) {
    if (rooms.room(channelId).isEmpty()) {
      return Outcome.NOT_AN_INCIDENT_CHANNEL;
    }
    if (!firstDelivery(eventId)) {
      return Outcome.DUPLICATE;
    }
    writer.pin(channelId, ts, added);
    return Outcome.RECORDED;
  }

  @Transactional
  public Outcome joined(String eventId, String channelId, String user, Instant at) {
    Optional<RoomRef> room = rooms.room(channelId);
    if (room.isEmpty()) {
      return Outcome.NOT_AN_INCIDENT_CHANNEL;
    }
    if (!firstDelivery(eventId)) {
      return Outcome.DUPLICATE;
    }
    writer.joined(room.get().incidentId(), user, at);
    return Outcome.RECORDED;
  }

  private boolean firstDelivery(String eventId) {
    return eventId == null || processed.claim(eventId, clock.instant()) == 1;
  }
}
