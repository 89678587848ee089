package io.warroom.insights;

import io.warroom.incident.ActionItem;
import io.warroom.incident.ActionItemService;
import io.warroom.incident.ActionStatus;
import io.warroom.incident.Incident;
import io.warroom.incident.IncidentService;
import io.warroom.timeline.EntryKind;
import io.warroom.timeline.KindAt;
import io.warroom.timeline.Timeline;
import io.warroom.triage.Detections;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Computes {@link Report}s from what is stored (see docs/insights.md for the definitions). A few
 * queries per report, whatever the number of incidents: incidents of the range, their attached
 * alerts, their status updates and reminders, their action items, and the noise judged.
 */
@Singleton
public class Insights {

  /** An open action item recorded longer ago than this counts as overdue. */
  public static final Duration OVERDUE_AFTER = Duration.ofDays(30);

  /** The default range: this month and the five before it. */
  public static final int DEFAULT_MONTHS = 6;

  /** The widest range one report covers. */
  public static final int MAX_MONTHS = 36;

  static final String ALL = "all";

  private final IncidentService incidents;
  private final Detections detections;
  private final Timeline timeline;
  private final ActionItemService actionItems;
  private final Clock clock;

  Insights(
      IncidentService incidents,
      Detections detections,
      Timeline timeline,
      ActionItemService actionItems,
      Clock clock) {
    this.incidents = incidents;
    this.detections = detections;
    this.timeline = timeline;
    this.actionItems = actionItems;
    this.clock = clock;
  }

  /** The current month (UTC). */
  public YearMonth thisMonth() {
    return YearMonth.now(clock.withZone(ZoneOffset.UTC));
  }

  /** The figures of the months {@code from} to {@code to}, both included. */
  public Report report(YearMonth from, YearMonth to) {
    Instant now = clock.instant();
    Instant start = from.atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
    Instant end = to.plusMonths(1).atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
    List<Incident> counted =
        incidents.declaredBetween(start, end).stream()
            .filter(i -> !i.drill() && !i.privateIncident())
            .toList();
    List<Long> ids = counted.stream().map(Incident::id).toList();
    Map<Long, Instant> detected = detections.detectedAt(counted);
    Map<Long, int[]> updates = updates(ids);
    Map<Long, List<ActionItem>> items = new HashMap<>();
    for (ActionItem item : actionItems.ofIncidents(ids)) {
      items.computeIfAbsent(item.incidentId(), k -> new ArrayList<>()).add(item);
    }
    Map<String, Map<String, List<Incident>>> byMonth = new TreeMap<>();
    for (Incident i : counted) {
      Map<String, List<Incident>> month =
          byMonth.computeIfAbsent(month(i.declaredAt()), k -> new TreeMap<>());
      month.computeIfAbsent(i.severity().name(), k -> new ArrayList<>()).add(i);
      month.computeIfAbsent(ALL, k -> new ArrayList<>()).add(i);
    }
    List<Row> rows = new ArrayList<>();
    byMonth.forEach(
        (month, bySeverity) ->
            bySeverity.entrySet().stream()
                .sorted(Comparator.comparing(e -> e.getKey().equals(ALL) ? "~" : e.getKey()))
                .forEach(
                    e ->
                        rows.add(
                            row(month, e.getKey(), e.getValue(), detected, updates, items, now))));
    return new Report(from.toString(), to.toString(), now, rows, noise(start, end));
  }

  private static Row row(
      String month,
      String severity,
      List<Incident> group,
      Map<Long, Instant> detected,
      Map<Long, int[]> updates,
      Map<Long, List<ActionItem>> items,
      Instant now) {
    Function<Incident, Instant> detectedAt = i -> detected.getOrDefault(i.id(), i.declaredAt());
    List<Long> declare = new ArrayList<>();
    List<Long> mitigate = new ArrayList<>();
    List<Long> resolve = new ArrayList<>();
    int updating = 0;
    int sent = 0;
    int onTime = 0;
    int withItems = 0;
    int created = 0;
    int done = 0;
    int overdue = 0;
    for (Incident i : group) {
      Instant from = detectedAt.apply(i);
      declare.add(seconds(from, i.declaredAt()));
      if (i.mitigatedAt() != null) {
        mitigate.add(seconds(from, i.mitigatedAt()));
      }
      if (i.resolvedAt() != null) {
        resolve.add(seconds(from, i.resolvedAt()));
      }
      int[] u = updates.get(i.id());
      if (u != null && u[0] > 0) {
        updating++;
        sent += u[0];
        onTime += u[1];
      }
      List<ActionItem> own = items.getOrDefault(i.id(), List.of());
      if (!own.isEmpty()) {
        withItems++;
      }
      for (ActionItem item : own) {
        created++;
        if (item.status() == ActionStatus.DONE) {
          done++;
        } else if (item.isOpen() && !item.createdAt().plus(OVERDUE_AFTER).isAfter(now)) {
          overdue++;
        }
      }
    }
    return new Row(
        month,
        severity,
        group.size(),
        Figure.of(declare),
        Figure.of(mitigate),
        Figure.of(resolve),
        new Row.Updates(updating, sent, onTime),
        new Row.Actions(withItems, created, done, overdue));
  }

  /**
   * Per incident: status updates sent, and how many of them went out before a reminder. An update
   * is before its reminder when no "update overdue" reminder was posted since the declaration or
   * the previous update.
   */
  private Map<Long, int[]> updates(List<Long> ids) {
    Map<Long, int[]> out = new HashMap<>();
    Map<Long, Boolean> reminded = new HashMap<>();
    List<KindAt> entries =
        timeline.ofKinds(ids, EnumSet.of(EntryKind.STATUS_UPDATE, EntryKind.REMINDER));
    for (KindAt e : entries) {
      if (e.kind() == EntryKind.REMINDER) {
        reminded.put(e.incidentId(), true);
      } else {
        int[] counts = out.computeIfAbsent(e.incidentId(), k -> new int[2]);
        counts[0]++;
        if (!reminded.getOrDefault(e.incidentId(), false)) {
          counts[1]++;
        }
        reminded.put(e.incidentId(), false);
      }
    }
    return out;
  }

  private List<NoiseRow> noise(Instant start, Instant end) {
    Map<String, Map<String, Integer>> counts = new TreeMap<>();
    for (Detections.JudgedNoise n : detections.noiseJudged(start, end)) {
      counts
          .computeIfAbsent(month(n.judgedAt()), k -> new TreeMap<>())
          .merge(n.alertName(), 1, Integer::sum);
    }
    List<NoiseRow> rows = new ArrayList<>();
    counts.forEach(
        (month, byName) ->
            byName.entrySet().stream()
                .sorted(
                    Map.Entry.<String, Integer>comparingByValue()
                        .reversed()
                        .thenComparing(Map.Entry.comparingByKey()))
                .forEach(e -> rows.add(new NoiseRow(month, e.getKey(), e.getValue()))));
    return rows;
  }

  static String month(Instant at) {
    return YearMonth.from(at.atZone(ZoneOffset.UTC)).toString();
  }

  private static long seconds(Instant from, Instant to) {
    return Math.max(0, Duration.between(from, to).getSeconds());
  }
}
