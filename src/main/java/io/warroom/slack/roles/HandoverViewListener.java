package io.warroom.slack.roles;

import com.slack.api.bolt.context.builtin.ViewSubmissionContext;
import com.slack.api.bolt.request.builtin.ViewSubmissionRequest;
import com.slack.api.bolt.response.Response;
import io.warroom.handover.Handovers;
import io.warroom.incident.Refusal;
import io.warroom.slack.SlackIds;
import io.warroom.slack.SlackText;
import io.warroom.slack.inbound.ViewListener;
import jakarta.inject.Singleton;
import java.util.Map;

/**
 * Submissions of the Handover modal: the note is posted with Accept command for the person named.
 */
@Singleton
class HandoverViewListener implements ViewListener {

  private final Handovers handovers;

  HandoverViewListener(Handovers handovers) {
    this.handovers = handovers;
  }

  @Override
  public String callbackId() {
    return SlackIds.HANDOVER_VIEW;
  }

  @Override
  public String failureBlock() {
    return SlackIds.HANDOVER_STATE;
  }

  @Override
  public Response handle(ViewSubmissionRequest request, ViewSubmissionContext ctx) {
    var view = request.getPayload().getView();
    HandoverModal.Reading reading = HandoverModal.read(view.getState());
    if (!reading.problems().isEmpty()) {
      return ctx.ackWithErrors(reading.problems());
    }
    HandoverModal.Target target = HandoverModal.target(view.getPrivateMetadata());
    try {
      // Slack keeps a modal open when its answer came late, and the user submits it again.
      handovers.offer(
          target.incidentId(),
          request.getPayload().getUser().getId(),
          target.to(),
          reading.note(),
          "handover-view:" + view.getId());
    } catch (Refusal refusal) {
      // Modal errors are plain text: mentions and entities back to readable words.
      return ctx.ackWithErrors(
          Map.of(SlackIds.HANDOVER_STATE, SlackText.plain(refusal.getMessage())));
    }
    return ctx.ack();
  }
}
