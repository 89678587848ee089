package io.warroom.triage;

import io.micronaut.context.event.ApplicationEventPublisher;
import io.warroom.chat.Mrkdwn;
import io.warroom.incident.Declaration;
import io.warroom.incident.DeclareRequest;
import io.warroom.incident.IncidentRules;
import io.warroom.incident.IncidentService;
import io.warroom.incident.Refusal;
import jakarta.inject.Singleton;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code WARROOM_ALERTS_AUTO_DECLARE}: a firing group at or above the severity declares its
 * incident by itself, through the same declaration a person's command makes (so the war room opens
 * the same way). The declaration's request key is the group's, so a group declares once, ever: a
 * repeated notification, a retried pass or a second replica finds the incident the first one
 * declared.
 */
@Singleton
class AutoDeclare {

  private static final Logger LOG = LoggerFactory.getLogger(AutoDeclare.class);

  private final TriageSettings settings;
  private final IncidentService incidents;
  private final TriageRepository groups;
  private final ApplicationEventPublisher<AlertAttached> attached;
  private final Clock clock;

  AutoDeclare(
      TriageSettings settings,
      IncidentService incidents,
      TriageRepository groups,
      ApplicationEventPublisher<AlertAttached> attached,
      Clock clock) {
    this.settings = settings;
    this.incidents = incidents;
    this.groups = groups;
    this.attached = attached;
    this.clock = clock;
  }

  /** Declares the group's incident if it is due; true when the group is now attached. */
  boolean declareIfDue(TriagedGroup g) {
    if (!g.firing()
        || g.incidentId() != null
        || g.noiseBy() != null
        || !settings.autoDeclares(g.sev())) {
      return false;
    }
    String by = AlertCardView.source(g.source());
    Declaration declaration;
    try {
      declaration =
          incidents.declare(
              new DeclareRequest(
                  requestKey(g.id()),
                  title(g.summary()),
                  g.sev(),
                  "Declared by " + by + " from a firing alert.",
                  false,
                  false,
                  by,
                  null));
    } catch (Refusal refusal) {
      LOG.warn("Alert group {} could not declare its incident: {}", g.id(), refusal.getMessage());
      throw new IllegalStateException("auto-declaration refused: " + refusal.getMessage());
    }
    long incidentId = declaration.incident().id();
    if (groups.attach(g.id(), incidentId, TriagedGroup.AUTO, by, clock.instant()) == 1) {
      LOG.info("Alert group {} declared incident {} by itself", g.id(), incidentId);
      attached.publishEvent(new AlertAttached(g.id(), incidentId));
    }
    return true;
  }

  static String requestKey(long groupId) {
    return "alert:" + groupId;
  }

  /** The summary as an incident title: one line, cut to the longest title allowed. */
  static String title(String summary) {
    String line = summary.strip().replaceAll("\\s+", " ");
    if (line.isEmpty()) {
      line = "Alert";
    }
    return Mrkdwn.truncate(line, IncidentRules.MAX_TITLE);
  }
}
