package io.warroom.timeline;

import io.warroom.chat.Mrkdwn;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes what {@link TimelineCapture} captured in a war room: messages as Slack sent them (stored
 * once per channel and ts), edits, deletions, pushpins and who joined. With {@link EntryWriter},
 * which the listeners of incident events use, it is the only code that writes the timeline; texts
 * are Slack mrkdwn, so any text can be shown again in Slack after {@link Mrkdwn#defuse}.
 */
@Singleton
class TimelineWriter {

  private final TimelineRepository entries;
  private final EarlyPinRepository early;
  private final EntryWriter writer;

  TimelineWriter(TimelineRepository entries, EarlyPinRepository early, EntryWriter writer) {
    this.entries = entries;
    this.early = early;
    this.writer = writer;
  }

  /** Stores a message once; false when this channel and ts were already stored. */
  boolean message(long incidentId, CapturedMessage m, boolean exploration) {
    Map<String, Object> data = new LinkedHashMap<>();
    if (!m.files().isEmpty()) {
      data.put("files", m.files());
    }
    if (m.botName() != null) {
      data.put("bot", m.botName());
    }
    int stored =
        entries.insertMessage(
            incidentId,
            m.at(),
            m.author(),
            m.text(),
            m.channelId(),
            m.ts(),
            m.threadTs(),
            exploration,
            data.isEmpty() ? null : writer.write(data));
    if (stored == 1 && m.author() != null && m.botName() == null) {
      writer.participant(incidentId, m.author(), m.at());
    }
    return stored == 1;
  }

  /**
   * The message as it reads after an edit; stored from the edit, marked edited, if its own event
   * has not come yet (a late original is then refused as a duplicate). A deleted one stays deleted.
   */
  void edit(long incidentId, CapturedMessage now, boolean exploration, Instant at) {
    if (entries.edit(now.channelId(), now.ts(), now.text(), at) == 0
        && message(incidentId, now, exploration)) {
      entries.edit(now.channelId(), now.ts(), now.text(), at);
    }
  }

  /**
   * Forgets a deleted message's words and files; if its own event has not come yet, stores that it
   * was said, without words, so that the late original is refused as a duplicate.
   *
   * @return whether a postmortem draft would have quoted it (a key event, or a finding from the
   *     exploration thread)
   */
  boolean delete(long incidentId, CapturedMessage was, boolean exploration, Instant at) {
    boolean quoted =
        entries
            .findByChannelIdAndTs(was.channelId(), was.ts())
            .map(e -> !e.deleted() && (e.keyEvent() || e.exploration()))
            .orElse(false);
    if (entries.delete(was.channelId(), was.ts(), at) == 0) {
      entries.insertDeleted(
          incidentId,
          was.at(),
          was.author(),
          was.channelId(),
          was.ts(),
          was.threadTs(),
          exploration,
          at);
    }
    return quoted;
  }

  /**
   * Adds a :pushpin: to a message's count, or takes one off. Slack does not deliver events in
   * order: a pin on a message whose own event has not come yet is kept aside, and {@link
   * EarlyPinSweep} adds it once the message is stored.
   */
  void pin(String channelId, String ts, boolean added, Instant at) {
    int delta = added ? 1 : -1;
    if (entries.pin(channelId, ts, delta) == 0
        && entries.findByChannelIdAndTs(channelId, ts).isEmpty()) {
      early.remember(channelId, ts, delta, at);
    }
  }

  /**
   * Adds one stored message's early pins to its count, those this transaction takes: a pin another
   * replica took first is not added again. They are added up first, so a removal that overtook its
   * pin cancels it instead of being refused on its own.
   */
  void giveEarlyPins(List<EarlyPin> pins) {
    int delta = 0;
    for (EarlyPin pin : pins) {
      delta += early.take(pin.id()) * pin.delta();
    }
    if (delta != 0) {
      entries.pin(pins.get(0).channelId(), pins.get(0).ts(), delta);
    }
  }

  void joined(long incidentId, String user, Instant at) {
    if (writer.participant(incidentId, user, at) == 1) {
      writer.add(incidentId, EntryKind.JOINED, at, user, "<@" + user + "> joined", null);
    }
  }
}
