package io.warroom.slack.alerts;

import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.response.Response;
import io.warroom.chat.ChatAction;
import io.warroom.incident.Incident;
import io.warroom.slack.inbound.ActionListener;
import io.warroom.slack.inbound.ActionReplies;
import io.warroom.slack.webapi.AfterAck;
import io.warroom.triage.Triage;
import io.warroom.triage.TriagedGroup;
import jakarta.inject.Singleton;
import java.util.List;

/** An alert card's "Attach to incident": a modal to pick one of the open incidents. */
@Singleton
class AlertAttachActionListener implements ActionListener {

  private final Triage triage;
  private final AfterAck afterAck;

  AlertAttachActionListener(Triage triage, AfterAck afterAck) {
    this.triage = triage;
    this.afterAck = afterAck;
  }

  @Override
  public ChatAction action() {
    return ChatAction.ALERT_ATTACH;
  }

  @Override
  public Response handle(BlockActionRequest request, ActionContext ctx) {
    long groupId = Long.parseLong(request.getPayload().getActions().get(0).getValue());
    TriagedGroup g = triage.find(groupId).orElse(null);
    if (g == null || g.incidentId() != null) {
      ActionReplies.refuse(
          ctx,
          afterAck,
          g == null
              ? "This alert is no longer known to Warroom."
              : "This alert already belongs to incident " + g.incidentId() + ".");
      return ctx.ack();
    }
    List<Incident> open =
        triage.openIncidents().stream().filter(i -> !i.privateIncident()).toList();
    if (open.isEmpty()) {
      ActionReplies.refuse(
          ctx, afterAck, "There is no open incident to attach it to; press *Declare incident*.");
      return ctx.ack();
    }
    String trigger = request.getPayload().getTriggerId();
    afterAck.runWithTrigger(
        "Opening the Attach modal for an alert",
        () ->
            ctx.client()
                .viewsOpen(r -> r.triggerId(trigger).view(AlertAttachModal.view(groupId, open))),
        error ->
            ActionReplies.warn(
                ctx, "Slack did not open the Attach form (" + error + "). Press *Attach* again."));
    return ctx.ack();
  }
}
