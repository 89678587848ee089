package io.warroom.api;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.micronaut.core.annotation.Nullable;
import io.warroom.output.UserText;
import io.warroom.timeline.TimelineEntry;
import java.time.Instant;

/**
 * A timeline entry as the REST API shows it. {@code text} is Slack mrkdwn and {@code null} for a
 * deleted message; {@code data} is JSON text with details.
 */
@JsonPropertyOrder({
  "id",
  "at",
  "kind",
  "actor",
  "text",
  "channelId",
  "ts",
  "threadTs",
  "exploration",
  "keyEvent",
  "edited",
  "editedAt",
  "deleted",
  "deletedAt",
  "data"
})
record EntryView(
    long id,
    Instant at,
    String kind,
    @Nullable String actor,
    @Nullable String text,
    @Nullable String channelId,
    @Nullable String ts,
    @Nullable String threadTs,
    boolean exploration,
    boolean keyEvent,
    boolean edited,
    @Nullable Instant editedAt,
    boolean deleted,
    @Nullable Instant deletedAt,
    @Nullable String data) {

  /** The same entry with every text cell safe for a spreadsheet ({@link UserText#csvCell}). */
  EntryView forCsv() {
    return new EntryView(
        id,
        at,
        kind,
        UserText.csvCell(actor),
        UserText.csvCell(text),
        UserText.csvCell(channelId),
        UserText.csvCell(ts),
        UserText.csvCell(threadTs),
        exploration,
        keyEvent,
        edited,
        editedAt,
        deleted,
        deletedAt,
        UserText.csvCell(data));
  }

  static EntryView of(TimelineEntry e) {
    return new EntryView(
        e.id(),
        e.at(),
        e.kind().name().toLowerCase(java.util.Locale.ROOT),
        e.actor(),
        e.text(),
        e.channelId(),
        e.ts(),
        e.threadTs(),
        e.exploration(),
        e.keyEvent(),
        e.edited(),
        e.editedAt(),
        e.deleted(),
        e.deletedAt(),
        e.data());
  }
}
