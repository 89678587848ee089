package io.warroom.postmortem;

import com.fasterxml.jackson.databind.JsonNode;
import io.warroom.incident.Incident;
import io.warroom.output.UserText;
import io.warroom.timeline.EntryKind;
import io.warroom.timeline.TimelineEntry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The draft's hypotheses and diagnosis figures, read from the timeline's hypothesis entries (the
 * board's history): each hypothesis with when and by whom it was raised, checked, confirmed or
 * ruled out; then how long it took to have a hypothesis, to raise the right one, to confirm it, and
 * to mitigate after. A pure function of its input, like the rest of the draft.
 */
final class DiagnosisSection {

  private static final String NOT_RECORDED = "not recorded";

  /** One hypothesis as the timeline tells it. */
  private static final class Story {
    int number;
    String text;
    String link;
    Instant raisedAt;
    String raisedBy;
    final List<String> checkers = new ArrayList<>();
    String outcome;
    Instant settledAt;
    String settledBy;
    String note;
  }

  private DiagnosisSection() {}

  static void append(StringBuilder md, PostmortemInput in) {
    Map<String, String> names = in.names();
    Map<Integer, Story> stories = stories(in.entries());
    md.append("## Hypotheses\n\n");
    if (stories.isEmpty()) {
      md.append("_No hypotheses were recorded on the board._\n\n");
    }
    for (Story s : stories.values()) {
      md.append("- **H").append(s.number).append("** ").append(UserText.markdownLine(s.text));
      if (s.link != null) {
        md.append(" (").append(UserText.markdownLink(s.link, "message")).append(')');
      }
      md.append(" — raised ");
      when(md, s.raisedAt, s.raisedBy, names);
      if (!s.checkers.isEmpty()) {
        md.append("; checked by ")
            .append(
                String.join(", ", s.checkers.stream().map(c -> Readable.user(c, names)).toList()));
      }
      if (s.outcome == null) {
        md.append("; still open");
      } else {
        md.append("; **").append(s.outcome).append("** ");
        when(md, s.settledAt, s.settledBy, names);
        if (s.note != null) {
          md.append(": ").append(UserText.markdownLine(s.note));
        }
      }
      md.append('\n');
    }
    if (!stories.isEmpty()) {
      md.append('\n');
    }
    figures(md, in.incident(), stories);
  }

  private static void figures(StringBuilder md, Incident incident, Map<Integer, Story> stories) {
    Story first =
        stories.values().stream().filter(s -> s.raisedAt != null).findFirst().orElse(null);
    Story right =
        stories.values().stream()
            .filter(s -> "confirmed".equals(s.outcome) && s.raisedAt != null)
            .min(java.util.Comparator.comparing((Story s) -> s.raisedAt))
            .orElse(null);
    Instant declared = incident.declaredAt();
    md.append("## Diagnosis\n\n| | time |\n|---|---|\n");
    row(md, "Declared → first hypothesis", first == null ? null : span(declared, first.raisedAt));
    row(
        md,
        "Declared → the confirmed hypothesis first raised"
            + (right == null ? "" : " (H" + right.number + ")"),
        right == null ? null : span(declared, right.raisedAt));
    row(md, "Raised → confirmed", right == null ? null : span(right.raisedAt, right.settledAt));
    String toMitigate = null;
    if (right != null && incident.mitigatedAt() != null) {
      Duration d = Duration.between(right.settledAt, incident.mitigatedAt());
      toMitigate =
          d.isNegative()
              ? "mitigated " + PostmortemDraft.human(d.negated()) + " before it was confirmed"
              : PostmortemDraft.human(d);
    }
    row(md, "Confirmed → mitigated", toMitigate);
    md.append('\n');
  }

  private static String span(Instant from, Instant to) {
    return from == null || to == null ? null : PostmortemDraft.human(Duration.between(from, to));
  }

  private static void row(StringBuilder md, String what, String value) {
    md.append("| ")
        .append(what)
        .append(" | ")
        .append(value == null ? NOT_RECORDED : value)
        .append(" |\n");
  }

  private static void when(StringBuilder md, Instant at, String by, Map<String, String> names) {
    md.append(at == null ? "at an unrecorded time" : PostmortemDraft.utc(at))
        .append(" by ")
        .append(Readable.user(by, names));
  }

  private static Map<Integer, Story> stories(List<TimelineEntry> entries) {
    Map<Integer, Story> stories = new TreeMap<>();
    for (TimelineEntry e : entries) {
      if (e.kind() != EntryKind.HYPOTHESIS) {
        continue;
      }
      JsonNode d = DraftEntries.data(e);
      int number = d.path("hypothesis").asInt(0);
      if (number <= 0) {
        continue;
      }
      Story s = stories.computeIfAbsent(number, n -> new Story());
      s.number = number;
      if (s.text == null || d.has("text")) {
        s.text = d.path("text").asText("");
      }
      switch (d.path("change").asText()) {
        case "RAISED" -> {
          s.raisedAt = e.at();
          s.raisedBy = e.actor();
          s.link = d.path("link").asText(null);
        }
        case "CHECKING" -> {
          if (!s.checkers.contains(e.actor())) {
            s.checkers.add(e.actor());
          }
        }
        case "CONFIRMED", "RULED_OUT" -> {
          s.outcome = d.path("change").asText().equals("CONFIRMED") ? "confirmed" : "ruled out";
          s.settledAt = e.at();
          s.settledBy = e.actor();
          s.note = d.path("note").asText(null);
          if (d.has("link")) {
            s.link = d.path("link").asText(null);
          }
        }
        default -> {}
      }
    }
    return stories;
  }
}
