package io.warroom.slack.declare;

import com.slack.api.bolt.context.builtin.ViewSubmissionContext;
import com.slack.api.bolt.request.builtin.ViewSubmissionRequest;
import com.slack.api.bolt.response.Response;
import io.warroom.incident.Declaration;
import io.warroom.incident.DeclareRequest;
import io.warroom.incident.IncidentRules;
import io.warroom.incident.IncidentService;
import io.warroom.incident.Refusal;
import io.warroom.origin.Origins;
import io.warroom.slack.SlackIds;
import io.warroom.slack.inbound.ViewListener;
import io.warroom.triage.Triage;
import io.warroom.triage.TriagedGroup;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Submissions of the Declare modal. Problems come back inside the modal; a second submission of the
 * same modal (a double click) finds the incident the first one declared.
 */
@Singleton
class DeclareViewListener implements ViewListener {

  private final IncidentService incidents;
  private final Origins origins;
  private final Triage triage;

  DeclareViewListener(IncidentService incidents, Origins origins, Triage triage) {
    this.incidents = incidents;
    this.origins = origins;
    this.triage = triage;
  }

  /** The alert group this modal was opened from, if any. */
  static Optional<Long> alertGroup(String metadata) {
    if (metadata == null || !metadata.startsWith(SlackIds.ALERT_METADATA_PREFIX)) {
      return Optional.empty();
    }
    try {
      return Optional.of(
          Long.parseLong(metadata.substring(SlackIds.ALERT_METADATA_PREFIX.length())));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  @Override
  public String failureBlock() {
    return SlackIds.DECLARE_TITLE;
  }

  @Override
  public String callbackId() {
    return SlackIds.DECLARE_VIEW;
  }

  @Override
  public Response handle(ViewSubmissionRequest request, ViewSubmissionContext ctx) {
    var view = request.getPayload().getView();
    DeclareModal.Submission form = DeclareModal.read(view.getState());
    // Modal inputs arrive as typed (not escaped like command text); they are escaped when posted.
    String title = form.title().strip();
    Map<String, String> errors = new LinkedHashMap<>();
    IncidentRules.titleProblem(title).ifPresent(p -> errors.put(SlackIds.DECLARE_TITLE, p));
    IncidentRules.affectedProblem(form.affected())
        .ifPresent(p -> errors.put(SlackIds.DECLARE_AFFECTED, p));
    if (!errors.isEmpty()) {
      return ctx.ackWithErrors(errors);
    }
    Declaration declared;
    try {
      declared =
          incidents.declare(
              new DeclareRequest(
                  "view:" + view.getId(),
                  title,
                  form.severity(),
                  form.affected(),
                  form.privateIncident(),
                  form.drill(),
                  request.getPayload().getUser().getId(),
                  form.commander()));
    } catch (Refusal refusal) {
      return ctx.ackWithErrors(Map.of(SlackIds.DECLARE_TITLE, refusal.getMessage()));
    }
    // Declared from a message (the shortcut): link the two before the modal closes, so a failure
    // here keeps it open and a second submission finds the incident and links it then.
    DeclareModal.Source.read(view.getPrivateMetadata())
        .ifPresent(
            source ->
                origins.declaredFrom(
                    declared.incident(),
                    source.channelId(),
                    source.messageTs(),
                    source.permalink()));
    alertGroup(view.getPrivateMetadata())
        .ifPresent(
            group -> {
              try {
                triage.attach(
                    group,
                    declared.incident().id(),
                    TriagedGroup.DECLARED,
                    request.getPayload().getUser().getId());
              } catch (Refusal alreadyTaken) {
                // Attached to another incident meanwhile: the declaration stands on its own.
              }
            });
    return ctx.ack();
  }
}
