package io.warroom.review;

import io.warroom.home.Durations;
import io.warroom.incident.ActionItem;
import io.warroom.incident.ActionStatus;
import io.warroom.incident.Incident;
import io.warroom.output.UserText;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The review as Markdown, a pure function of its input. It answers, for each incident: when did the
 * team have the right hypothesis, how long from there to resolution, and which phase took longest.
 * A private incident's title and affected service are left out.
 */
public final class ProcessReview {

  static final String NOT_RECORDED = "not recorded";

  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);

  private ProcessReview() {}

  /** A milestone of the response. */
  record Phase(String name, Instant at) {}

  public static String markdown(ReviewInput input) {
    StringBuilder md = new StringBuilder();
    md.append("# Process review: the last ")
        .append(input.incidents().size())
        .append(input.incidents().size() == 1 ? " resolved incident" : " resolved incidents")
        .append("\n\n");
    md.append("Generated ").append(TIME.format(input.generatedAt()));
    md.append(". Drills are left out; private incidents are shown without their titles.");
    if (input.incidents().size() < input.asked()) {
      md.append(" ").append(input.asked()).append(" were asked for; only these are resolved.");
    }
    md.append("\n\n");
    md.append(
        "For each: at what point did the team have the right hypothesis, how long from there");
    md.append(" to resolution, and which phase took longest.\n");
    if (input.incidents().isEmpty()) {
      md.append("\nNo resolved incidents yet.\n");
      return md.toString();
    }

    Map<String, Integer> longestCounts = new LinkedHashMap<>();
    Map<String, Integer> services = new TreeMap<>();
    Map<String, Integer> alerts = new TreeMap<>();
    for (ReviewedIncident r : input.incidents()) {
      Incident i = r.incident();
      md.append("\n## ").append(heading(i)).append("\n\n");
      md.append("| Phase | At | Since the previous phase |\n|---|---|---|\n");
      List<Phase> recorded = new ArrayList<>();
      for (Map.Entry<String, Instant> phase : phases(r).entrySet()) {
        Instant at = phase.getValue();
        md.append("| ").append(phase.getKey()).append(" | ");
        if (at == null) {
          md.append(NOT_RECORDED).append(" | |\n");
          continue;
        }
        md.append(TIME.format(at)).append(" | ");
        if (!recorded.isEmpty()) {
          Phase before = recorded.get(recorded.size() - 1);
          md.append(Durations.human(nonNegative(before.at(), at)));
        }
        md.append(" |\n");
        recorded.add(new Phase(phase.getKey(), at));
      }
      md.append('\n');
      String longest = longest(recorded);
      if (longest != null) {
        longestCounts.merge(longest, 1, Integer::sum);
        md.append("- Longest phase: ").append(longest).append('\n');
      }
      md.append("- Right hypothesis to resolved: ")
          .append(
              r.rightRaisedAt() == null
                  ? NOT_RECORDED
                  : Durations.human(nonNegative(r.rightRaisedAt(), i.resolvedAt())))
          .append('\n');
      md.append("- Status updates: ")
          .append(r.updatesOnTime())
          .append(" before their reminder, ")
          .append(r.updatesLate())
          .append(" after it\n");
      md.append("- Handovers of command: ").append(r.handovers()).append('\n');
      md.append("- Stakeholder interruptions (status asked in the war room): ")
          .append(r.stakeholderQuestions())
          .append('\n');
      md.append("- Action items: ").append(actionItems(r.actionItems())).append('\n');
      if (!i.privateIncident() && i.affected() != null && !i.affected().isBlank()) {
        services.merge(UserText.markdownLine(i.affected().strip()), 1, Integer::sum);
      }
      for (String alert : r.alerts().stream().distinct().toList()) {
        alerts.merge(UserText.markdownLine(alert), 1, Integer::sum);
      }
    }

    md.append("\n## Across them\n\n");
    if (longestCounts.isEmpty()) {
      md.append("- Longest phase most often: ").append(NOT_RECORDED).append('\n');
    } else {
      int max = longestCounts.values().stream().max(Integer::compare).orElse(0);
      List<String> top =
          longestCounts.entrySet().stream()
              .filter(e -> e.getValue() == max)
              .map(Map.Entry::getKey)
              .toList();
      md.append("- Longest phase most often: ")
          .append(String.join(", ", top))
          .append(" (")
          .append(max)
          .append(" of ")
          .append(input.incidents().size())
          .append(")\n");
    }
    md.append("- Recurring services: ").append(recurring(services)).append('\n');
    md.append("- Recurring alerts: ").append(recurring(alerts)).append('\n');
    return md.toString();
  }

  private static String heading(Incident i) {
    String title = i.privateIncident() ? "a private incident" : UserText.markdownLine(i.title());
    return "#"
        + i.id()
        + " · "
        + i.severity().label()
        + " · "
        + title
        + " · took "
        + Durations.human(nonNegative(i.declaredAt(), i.resolvedAt()));
  }

  /** The phases in order; a {@code null} time where nothing was recorded. */
  static Map<String, Instant> phases(ReviewedIncident r) {
    Map<String, Instant> phases = new LinkedHashMap<>();
    phases.put("Detected", r.detectedAt());
    phases.put("Declared", r.incident().declaredAt());
    phases.put("IC named", r.icNamedAt());
    phases.put("First hypothesis", r.firstHypothesisAt());
    phases.put("Right hypothesis raised", r.rightRaisedAt());
    phases.put("Confirmed", r.confirmedAt());
    phases.put("Mitigated", r.incident().mitigatedAt());
    phases.put("Resolved", r.incident().resolvedAt());
    return phases;
  }

  /** The interval between recorded phases that took longest, as "A → B"; null with fewer than 2. */
  static String longest(List<Phase> recorded) {
    String name = null;
    Duration most = Duration.ZERO;
    for (int k = 1; k < recorded.size(); k++) {
      Duration d = nonNegative(recorded.get(k - 1).at(), recorded.get(k).at());
      if (name == null || d.compareTo(most) > 0) {
        most = d;
        name = recorded.get(k - 1).name() + " → " + recorded.get(k).name();
      }
    }
    return name;
  }

  private static String actionItems(List<ActionItem> items) {
    if (items.isEmpty()) {
      return "none";
    }
    long open = items.stream().filter(ActionItem::isOpen).count();
    long done = items.stream().filter(a -> a.status() == ActionStatus.DONE).count();
    long dropped = items.size() - open - done;
    return items.size() + " (" + done + " done, " + open + " open, " + dropped + " won't do)";
  }

  private static String recurring(Map<String, Integer> counts) {
    List<String> lines =
        counts.entrySet().stream()
            .filter(e -> e.getValue() > 1)
            .map(e -> e.getKey() + " (" + e.getValue() + " incidents)")
            .toList();
    return lines.isEmpty() ? "none" : String.join("; ", lines);
  }

  private static Duration nonNegative(Instant from, Instant to) {
    Duration d = Duration.between(from, to);
    return d.isNegative() ? Duration.ZERO : d;
  }
}
