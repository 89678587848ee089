package io.warroom.review;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.warroom.hypothesis.Hypotheses;
import io.warroom.hypothesis.Hypothesis;
import io.warroom.hypothesis.HypothesisState;
import io.warroom.incident.ActionItemService;
import io.warroom.incident.Incident;
import io.warroom.incident.IncidentService;
import io.warroom.timeline.Timeline;
import io.warroom.timeline.TimelineEntry;
import io.warroom.triage.Detection;
import io.warroom.triage.Detections;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Reads what a review of the last N resolved incidents is made from: the incidents, their alerts,
 * hypotheses, Warroom's own timeline entries (roles, updates, reminders, handovers, stakeholder
 * questions) and action items. A few queries per incident, so N is capped ({@link #MAX}).
 */
@Singleton
public class ReviewLoader {

  public static final int DEFAULT = 5;
  public static final int MAX = 20;

  private final IncidentService incidents;
  private final Detections detections;
  private final Hypotheses hypotheses;
  private final Timeline timeline;
  private final ActionItemService actionItems;
  private final ObjectMapper json;
  private final Clock clock;

  ReviewLoader(
      IncidentService incidents,
      Detections detections,
      Hypotheses hypotheses,
      Timeline timeline,
      ActionItemService actionItems,
      ObjectMapper json,
      Clock clock) {
    this.incidents = incidents;
    this.detections = detections;
    this.hypotheses = hypotheses;
    this.timeline = timeline;
    this.actionItems = actionItems;
    this.json = json;
    this.clock = clock;
  }

  public ReviewInput load(int n) {
    if (n < 1 || n > MAX) {
      throw new IllegalArgumentException("n must be 1 to " + MAX);
    }
    List<ReviewedIncident> reviewed = incidents.lastResolved(n).stream().map(this::review).toList();
    return new ReviewInput(n, reviewed, clock.instant());
  }

  private ReviewedIncident review(Incident incident) {
    Detection detection = detections.of(incident);
    List<String> alerts =
        detection.attached().stream().map(a -> a.source() + ": " + a.summary()).toList();
    List<Hypothesis> all = hypotheses.all(incident.id());
    Instant first =
        all.stream().map(Hypothesis::raisedAt).min(Comparator.naturalOrder()).orElse(null);
    Optional<Hypothesis> right =
        all.stream()
            .filter(h -> h.state() == HypothesisState.CONFIRMED)
            .min(Comparator.comparing(Hypothesis::raisedAt));
    Instant icNamed = null;
    int onTime = 0;
    int late = 0;
    int handovers = 0;
    int questions = 0;
    boolean overdue = false;
    for (TimelineEntry e : timeline.events(incident.id())) {
      switch (e.kind()) {
        case ROLE_ASSIGNED -> {
          if (icNamed == null && "ic".equals(field(e, "role"))) {
            icNamed = e.at();
          }
        }
        case REMINDER -> overdue = true;
        case STATUS_UPDATE -> {
          if (overdue) {
            late++;
          } else {
            onTime++;
          }
          overdue = false;
        }
        case HANDOVER, TAKEOVER -> handovers++;
        case STAKEHOLDER_QUESTION -> questions++;
        default -> {}
      }
    }
    if (icNamed == null && incident.commander() != null) {
      icNamed = incident.declaredAt(); // named in the declaration itself
    }
    return new ReviewedIncident(
        incident,
        detection.attached().isEmpty() ? null : detection.detectedAt(),
        alerts,
        icNamed,
        first,
        right.map(Hypothesis::raisedAt).orElse(null),
        right.map(Hypothesis::closedAt).orElse(null),
        onTime,
        late,
        handovers,
        questions,
        actionItems.list(incident.id()));
  }

  private String field(TimelineEntry entry, String name) {
    if (entry.data() == null) {
      return null;
    }
    try {
      JsonNode node = json.readTree(entry.data()).get(name);
      return node == null ? null : node.asText();
    } catch (IOException e) {
      return null;
    }
  }
}
