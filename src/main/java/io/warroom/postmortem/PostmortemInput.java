package io.warroom.postmortem;

import io.micronaut.core.annotation.Nullable;
import io.warroom.incident.ActionItem;
import io.warroom.incident.Incident;
import io.warroom.timeline.Participant;
import io.warroom.timeline.TimelineEntry;
import io.warroom.triage.Detection;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Everything the draft is made from, already read from the stores, so {@link PostmortemDraft} is a
 * pure function of it.
 *
 * @param names display names by user id (and bot id), for readable mentions
 * @param permalink a link to an entry's Slack message, or {@code null} when it has none
 * @param reviewDue when the review is due; {@code null} while the incident is open
 * @param generatedAt when the draft is made
 * @param detection the alerts that detected it and those judged noise; {@code null}: none known
 */
public record PostmortemInput(
    Incident incident,
    @Nullable String channelName,
    List<TimelineEntry> entries,
    List<Participant> participants,
    List<ActionItem> actionItems,
    Map<String, String> names,
    Function<TimelineEntry, String> permalink,
    @Nullable Instant reviewDue,
    Instant generatedAt,
    @Nullable Detection detection) {

  /** Without alert data: the incident counts as detected when it was declared. */
  public PostmortemInput(
      Incident incident,
      @Nullable String channelName,
      List<TimelineEntry> entries,
      List<Participant> participants,
      List<ActionItem> actionItems,
      Map<String, String> names,
      Function<TimelineEntry, String> permalink,
      @Nullable Instant reviewDue,
      Instant generatedAt) {
    this(
        incident,
        channelName,
        entries,
        participants,
        actionItems,
        names,
        permalink,
        reviewDue,
        generatedAt,
        null);
  }
}
