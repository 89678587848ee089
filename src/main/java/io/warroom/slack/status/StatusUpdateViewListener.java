package io.warroom.slack.status;

import com.slack.api.bolt.context.builtin.ViewSubmissionContext;
import com.slack.api.bolt.request.builtin.ViewSubmissionRequest;
import com.slack.api.bolt.response.Response;
import io.warroom.incident.IncidentService;
import io.warroom.incident.Refusal;
import io.warroom.incident.StatusUpdate;
import io.warroom.slack.SlackIds;
import io.warroom.slack.inbound.ViewListener;
import jakarta.inject.Singleton;
import java.util.Map;

/** Submissions of the Status Update modal; problems come back inside the modal. */
@Singleton
class StatusUpdateViewListener implements ViewListener {

  private final IncidentService incidents;

  StatusUpdateViewListener(IncidentService incidents) {
    this.incidents = incidents;
  }

  @Override
  public String failureBlock() {
    return SlackIds.UPDATE_IMPACT;
  }

  @Override
  public String callbackId() {
    return SlackIds.UPDATE_VIEW;
  }

  @Override
  public Response handle(ViewSubmissionRequest request, ViewSubmissionContext ctx) {
    var view = request.getPayload().getView();
    StatusUpdateModal.Reading reading = StatusUpdateModal.read(view.getState());
    if (!reading.problems().isEmpty()) {
      return ctx.ackWithErrors(reading.problems());
    }
    // Modal inputs arrive as typed (not escaped like command text); they are escaped when posted.
    StatusUpdate update = reading.update();
    try {
      long id = Long.parseLong(view.getPrivateMetadata());
      // Slack keeps a modal open when its answer came late, and the user submits it again.
      incidents.postUpdate(
          id, update, request.getPayload().getUser().getId(), "update-view:" + view.getId());
    } catch (Refusal refusal) {
      return ctx.ackWithErrors(Map.of(SlackIds.UPDATE_IMPACT, refusal.getMessage()));
    }
    return ctx.ack();
  }
}
