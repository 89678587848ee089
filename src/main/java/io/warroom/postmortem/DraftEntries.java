package io.warroom.postmortem;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.warroom.timeline.EntryKind;
import io.warroom.timeline.Participant;
import io.warroom.timeline.TimelineEntry;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What several sections of the draft read from the same input: the entries of one kind, an entry's
 * data, everyone who took part, and the link back to an entry's message.
 */
final class DraftEntries {

  private static final ObjectMapper JSON = new ObjectMapper();

  private DraftEntries() {}

  static List<TimelineEntry> of(PostmortemInput in, EntryKind kind) {
    List<TimelineEntry> out = new ArrayList<>();
    for (TimelineEntry e : in.entries()) {
      if (e.kind() == kind) {
        out.add(e);
      }
    }
    return out;
  }

  static JsonNode data(TimelineEntry e) {
    try {
      return e.data() == null ? JSON.createObjectNode() : JSON.readTree(e.data());
    } catch (IOException bad) {
      return JSON.createObjectNode();
    }
  }

  /** Who declared it, then every participant, each once. */
  static Set<String> everyone(PostmortemInput in) {
    Set<String> everyone = new LinkedHashSet<>();
    everyone.add(in.incident().declaredBy());
    for (Participant p : in.participants()) {
      everyone.add(p.userId());
    }
    return everyone;
  }

  /** The severity it was declared with: the first change's "from", else today's severity. */
  static String severityAtDeclaration(PostmortemInput in) {
    List<TimelineEntry> changes = of(in, EntryKind.SEVERITY_CHANGED);
    return changes.isEmpty()
        ? in.incident().severity().label()
        : data(changes.get(0)).path("from").asText();
  }

  /** A link to the entry's message, when it has one. */
  static void link(StringBuilder md, PostmortemInput in, TimelineEntry e) {
    String link = e.ts() == null ? null : in.permalink().apply(e);
    if (link != null) {
      md.append(" ([message](").append(link).append("))");
    }
  }
}
