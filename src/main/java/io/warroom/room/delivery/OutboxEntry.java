package io.warroom.room.delivery;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

/**
 * A message waiting to be posted (or a posted message waiting to be updated), stored in the
 * transaction of the change it reports.
 *
 * @param channelId where it goes; {@link #ROOM} means the incident's war room, known only once the
 *     channel exists
 * @param kind what it is; {@link OutboxKind} says how it is rendered and what its delivery records
 * @param ref a name for this post (e.g. {@code task:12}) that a later entry can update it by
 * @param updateRef update the post with this name instead of posting anew
 * @param fileId for a document: the uploaded file, once uploaded, so it is shared only once
 */
@MappedEntity("outbox")
public record OutboxEntry(
    @Id @GeneratedValue @Nullable Long id,
    long incidentId,
    String channelId,
    @Nullable String threadTs,
    @Nullable String updateTs,
    OutboxKind kind,
    String body,
    Instant createdAt,
    @Nullable Instant attemptedAt,
    @Nullable Instant deliveredAt,
    @Nullable String ts,
    @Nullable String error,
    @Nullable String ref,
    @Nullable String updateRef,
    @Nullable String fileId) {

  /** Placeholder channel: the incident's own war room. */
  public static final String ROOM = "ROOM";

  /** A new entry waiting to be delivered: nothing attempted, posted or uploaded yet. */
  static OutboxEntry queued(
      long incidentId,
      String channelId,
      OutboxKind kind,
      String body,
      Instant at,
      @Nullable String ref,
      @Nullable String updateRef) {
    return new OutboxEntry(
        null,
        incidentId,
        channelId,
        null,
        null,
        kind,
        body,
        at,
        null,
        null,
        null,
        null,
        ref,
        updateRef,
        null);
  }

  /**
   * The key that marks this post in the chat platform, to recognise it after a lost answer: this
   * installation's id and the entry's, so that another installation's post (a staging Warroom in
   * the same channel, whose outbox numbers are its own) is never taken for ours.
   */
  String key(String installation) {
    return "warroom-outbox-" + installation + "-" + id;
  }
}
