package io.warroom.postmortem;

import static io.warroom.postmortem.PostmortemDraft.utc;

import io.warroom.timeline.EntryKind;
import io.warroom.timeline.TimelineEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The draft's story as the channel told it: the key events (pinned messages, notes, decisions,
 * status updates, lifecycle changes) and the findings of the exploration thread. Deleted messages
 * never appear.
 */
final class TimelineSections {

  private TimelineSections() {}

  static void timeline(StringBuilder md, PostmortemInput in) {
    Map<String, String> names = in.names();
    md.append("## Timeline (UTC)\n\n");
    List<TimelineEntry> key = new ArrayList<>();
    for (TimelineEntry e : in.entries()) {
      if (!e.deleted() && e.keyEvent()) {
        key.add(e);
      }
    }
    if (key.isEmpty()) {
      md.append("_No key events were recorded._\n\n");
      return;
    }
    for (TimelineEntry e : key) {
      md.append("- ").append(utc(e.at())).append(" — ");
      switch (e.kind()) {
        case MESSAGE ->
            md.append("📌 ")
                .append(Readable.user(e.actor(), names))
                .append(": \"")
                .append(Readable.line(e.text(), names))
                .append('"');
        case NOTE ->
            md.append("Note by ")
                .append(Readable.user(e.actor(), names))
                .append(": ")
                .append(Readable.line(e.text(), names));
        case DECISION ->
            md.append("Decision by ")
                .append(Readable.user(e.actor(), names))
                .append(": ")
                .append(Readable.line(e.text(), names));
        case STATUS_UPDATE ->
            md.append("Status update by ")
                .append(Readable.user(e.actor(), names))
                .append(": ")
                .append(Readable.line(e.text(), names));
        default -> {
          md.append(Readable.line(e.text(), names));
          if (e.actor() != null && e.kind() != EntryKind.ROLE_ASSIGNED) {
            md.append(" (").append(Readable.user(e.actor(), names)).append(')');
          }
        }
      }
      DraftEntries.link(md, in, e);
      md.append('\n');
    }
    md.append('\n');
  }

  static void findings(StringBuilder md, PostmortemInput in) {
    Map<String, String> names = in.names();
    md.append("## Findings from the exploration thread\n\n");
    boolean any = false;
    for (TimelineEntry e : in.entries()) {
      if (e.exploration() && !e.deleted() && e.text() != null) {
        md.append("- ")
            .append(utc(e.at()))
            .append(' ')
            .append(e.pins() > 0 ? "📌 " : "")
            .append(Readable.user(e.actor(), names))
            .append(": ")
            .append(Readable.line(e.text(), names));
        DraftEntries.link(md, in, e);
        md.append('\n');
        any = true;
      }
    }
    if (!any) {
      md.append("_Nothing was written in the exploration thread._\n");
    }
    md.append('\n');
  }
}
