package io.warroom.timeline;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

/**
 * One line of an incident's timeline.
 *
 * @param text Slack mrkdwn: for messages the text as Slack sent it ({@code <@U...>} mentions,
 *     entities escaped); for Warroom's own events a summary with user text escaped; {@code null}
 *     once the message was deleted
 * @param data details as JSON: old and new values, files, another bot's name
 */
@MappedEntity("timeline_entry")
public record TimelineEntry(
    @Id @GeneratedValue @Nullable Long id,
    long incidentId,
    EntryKind kind,
    Instant at,
    @Nullable String actor,
    @Nullable String text,
    @Nullable String channelId,
    @Nullable String ts,
    @Nullable String threadTs,
    boolean exploration,
    boolean keyEvent,
    int pins,
    boolean edited,
    @Nullable Instant editedAt,
    boolean deleted,
    @Nullable Instant deletedAt,
    @Nullable String data) {

  static TimelineEntry event(
      long incidentId, EntryKind kind, Instant at, String actor, String text, String data) {
    return new TimelineEntry(
        null,
        incidentId,
        kind,
        at,
        actor,
        text,
        null,
        null,
        null,
        false,
        kind.isKey(),
        0,
        false,
        null,
        false,
        null,
        data);
  }
}
