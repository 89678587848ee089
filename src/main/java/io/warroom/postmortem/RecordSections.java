package io.warroom.postmortem;

import static io.warroom.postmortem.PostmortemDraft.human;
import static io.warroom.postmortem.PostmortemDraft.oneLine;
import static io.warroom.postmortem.PostmortemDraft.utc;

import com.fasterxml.jackson.databind.JsonNode;
import io.warroom.incident.Incident;
import io.warroom.incident.Role;
import io.warroom.timeline.EntryKind;
import io.warroom.timeline.TimelineEntry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The draft's sections that state what was recorded, as lists and tables: severity changes, the
 * impact described, the timing figures and the people. No prompts; those are in {@link
 * PromptSections}.
 */
final class RecordSections {

  private RecordSections() {}

  static void severity(StringBuilder md, PostmortemInput in) {
    Incident incident = in.incident();
    Map<String, String> names = in.names();
    md.append("## Severity\n\n| time (UTC) | severity | by |\n|---|---|---|\n");
    md.append("| ")
        .append(utc(incident.declaredAt()))
        .append(" | ")
        .append(DraftEntries.severityAtDeclaration(in))
        .append(" (declared) | ")
        .append(Readable.user(incident.declaredBy(), names))
        .append(" |\n");
    for (TimelineEntry e : DraftEntries.of(in, EntryKind.SEVERITY_CHANGED)) {
      JsonNode d = DraftEntries.data(e);
      md.append("| ")
          .append(utc(e.at()))
          .append(" | ")
          .append(d.path("from").asText())
          .append(" → ")
          .append(d.path("to").asText())
          .append(" | ")
          .append(Readable.user(e.actor(), names))
          .append(" |\n");
    }
    md.append('\n');
  }

  static void impact(StringBuilder md, PostmortemInput in) {
    Incident incident = in.incident();
    md.append("## Impact\n\n");
    boolean any = false;
    if (incident.affected() != null) {
      md.append("- Declared as affecting: ").append(oneLine(incident.affected())).append('\n');
      any = true;
    }
    for (TimelineEntry e : DraftEntries.of(in, EntryKind.STATUS_UPDATE)) {
      JsonNode d = DraftEntries.data(e);
      String impact = d.path("impact").asText(null);
      if (impact != null) {
        md.append("- ")
            .append(utc(e.at()))
            .append(" UTC (")
            .append(d.path("status").asText())
            .append("): ")
            .append(oneLine(impact))
            .append('\n');
        any = true;
      }
    }
    if (!any) {
      md.append(
          "_No status update described the impact. Who was affected, how many, and what could they not do?_\n");
    }
    md.append('\n');
  }

  static void timing(StringBuilder md, PostmortemInput in) {
    Incident incident = in.incident();
    md.append("## Timing\n\n| | time (UTC) | after declaration |\n|---|---|---|\n");
    md.append("| Declared | ").append(utc(incident.declaredAt())).append(" | — |\n");
    md.append("| Mitigated | ");
    if (incident.mitigatedAt() != null) {
      md.append(utc(incident.mitigatedAt()))
          .append(" | ")
          .append(human(Duration.between(incident.declaredAt(), incident.mitigatedAt())))
          .append(" (time to mitigate) |\n");
    } else {
      md.append("not recorded | ")
          .append(incident.resolvedAt() != null ? "— (impact stopped with the resolution)" : "—")
          .append(" |\n");
    }
    md.append("| Resolved | ");
    if (incident.resolvedAt() != null) {
      md.append(utc(incident.resolvedAt()))
          .append(" | ")
          .append(human(Duration.between(incident.declaredAt(), incident.resolvedAt())))
          .append(" (time to resolve) |\n");
    } else {
      md.append("still open | — |\n");
    }
    md.append('\n');
  }

  static void people(StringBuilder md, PostmortemInput in) {
    Incident incident = in.incident();
    Map<String, String> names = in.names();
    md.append("## People\n\n");
    for (Role role : Role.values()) {
      md.append("- ")
          .append(role.title())
          .append(": ")
          .append(incident.holder(role).map(u -> Readable.user(u, names)).orElse("—"))
          .append('\n');
    }
    Set<String> everyone = DraftEntries.everyone(in);
    md.append("- Participants (").append(everyone.size()).append("): ");
    List<String> shown = new ArrayList<>();
    for (String user : everyone) {
      shown.add(Readable.user(user, names));
    }
    md.append(String.join(", ", shown)).append("\n\n");
  }
}
