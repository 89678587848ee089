package io.warroom.postmortem;

import com.fasterxml.jackson.databind.JsonNode;
import io.warroom.output.UserText;
import io.warroom.timeline.EntryKind;
import io.warroom.timeline.TimelineEntry;
import java.util.List;
import java.util.Map;

/**
 * The draft's sections on command structure (SPEC section 13): the decisions recorded, how command
 * changed hands (with the handover notes), and how often people outside the response interrupted it
 * asking for an ETA or status. Read from the timeline alone, like the rest of the draft.
 */
final class CommandSections {

  private CommandSections() {}

  static void append(StringBuilder md, PostmortemInput in) {
    Map<String, String> names = in.names();
    List<TimelineEntry> entries = in.entries().stream().filter(e -> !e.deleted()).toList();
    decisions(md, entries, names);
    handovers(md, entries, names);
    interruptions(md, entries);
  }

  private static void decisions(
      StringBuilder md, List<TimelineEntry> entries, Map<String, String> names) {
    md.append("## Decisions\n\n");
    List<TimelineEntry> decisions =
        entries.stream().filter(e -> e.kind() == EntryKind.DECISION).toList();
    if (decisions.isEmpty()) {
      md.append("_No decisions were recorded with `/incident decision`._\n\n");
      return;
    }
    md.append("| time (UTC) | decision | by |\n|---|---|---|\n");
    for (TimelineEntry e : decisions) {
      md.append("| ")
          .append(PostmortemDraft.utc(e.at()))
          .append(" | ")
          .append(Readable.line(e.text(), names))
          .append(" | ")
          .append(Readable.user(e.actor(), names).replace("|", "\\|"))
          .append(" |\n");
    }
    md.append('\n');
  }

  private static void handovers(
      StringBuilder md, List<TimelineEntry> entries, Map<String, String> names) {
    md.append("## Handovers\n\n");
    List<TimelineEntry> changes =
        entries.stream()
            .filter(e -> e.kind() == EntryKind.HANDOVER || e.kind() == EntryKind.TAKEOVER)
            .toList();
    if (changes.isEmpty()) {
      md.append("_Command did not change hands through a handover or a take-over._\n\n");
      return;
    }
    for (TimelineEntry e : changes) {
      JsonNode d = DraftEntries.data(e);
      String from = Readable.user(d.path("from").asText(null), names);
      String to = Readable.user(d.path("to").asText(null), names);
      md.append("- ").append(PostmortemDraft.utc(e.at())).append(" — ");
      if (e.kind() == EntryKind.TAKEOVER) {
        md.append(to).append(" took over command from ").append(from);
        if (e.actor() != null && !e.actor().equals(d.path("to").asText(null))) {
          md.append(", confirmed by ").append(Readable.user(e.actor(), names));
        }
        md.append(".\n");
        continue;
      }
      md.append(from).append(" handed command to ").append(to).append(", who accepted.\n");
      part(md, "Current state", d.path("state"));
      part(md, "Being tried", d.path("beingTried"));
      part(md, "Next steps", d.path("nextSteps"));
    }
    md.append('\n');
  }

  private static void interruptions(StringBuilder md, List<TimelineEntry> entries) {
    md.append("## Stakeholder interruptions\n\n");
    long asked = entries.stream().filter(e -> e.kind() == EntryKind.STAKEHOLDER_QUESTION).count();
    if (asked == 0) {
      md.append("No one outside the response asked for an ETA or status in the war room.\n\n");
      return;
    }
    md.append(asked)
        .append(asked == 1 ? " question" : " questions")
        .append(" for an ETA or status came from people outside the response; Warroom answered")
        .append(asked == 1 ? " it" : " them")
        .append(" privately with the latest status update. Could the announce channel or the")
        .append(" update cadence have answered ")
        .append(asked == 1 ? "it" : "them")
        .append(" first?\n\n");
  }

  private static void part(StringBuilder md, String label, JsonNode value) {
    if (value.isTextual() && !value.asText().isBlank()) {
      md.append("  - ").append(label).append(": ").append(oneLine(value.asText())).append('\n');
    }
  }

  private static String oneLine(String plain) {
    return UserText.markdownLine(plain).replaceAll("\\s*[\\r\\n]+\\s*", " / ");
  }
}
