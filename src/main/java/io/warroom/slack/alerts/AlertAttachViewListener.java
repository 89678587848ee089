package io.warroom.slack.alerts;

import com.slack.api.bolt.context.builtin.ViewSubmissionContext;
import com.slack.api.bolt.request.builtin.ViewSubmissionRequest;
import com.slack.api.bolt.response.Response;
import io.warroom.incident.Refusal;
import io.warroom.slack.SlackIds;
import io.warroom.slack.inbound.ViewListener;
import io.warroom.triage.Triage;
import io.warroom.triage.TriagedGroup;
import jakarta.inject.Singleton;
import java.util.Map;

/** Submissions of "Attach the alert": the group joins the picked incident, or the modal says no. */
@Singleton
class AlertAttachViewListener implements ViewListener {

  private final Triage triage;

  AlertAttachViewListener(Triage triage) {
    this.triage = triage;
  }

  @Override
  public String callbackId() {
    return SlackIds.ALERT_ATTACH_VIEW;
  }

  @Override
  public String failureBlock() {
    return SlackIds.ALERT_ATTACH_INCIDENT;
  }

  @Override
  public Response handle(ViewSubmissionRequest request, ViewSubmissionContext ctx) {
    var view = request.getPayload().getView();
    Long incident = AlertAttachModal.picked(view.getState());
    if (incident == null) {
      return ctx.ackWithErrors(Map.of(SlackIds.ALERT_ATTACH_INCIDENT, "Pick an incident."));
    }
    try {
      triage.attach(
          Long.parseLong(view.getPrivateMetadata()),
          incident,
          TriagedGroup.ATTACHED,
          request.getPayload().getUser().getId());
    } catch (Refusal refusal) {
      return ctx.ackWithErrors(Map.of(SlackIds.ALERT_ATTACH_INCIDENT, refusal.getMessage()));
    }
    return ctx.ack();
  }
}
