package io.warroom.slack.alerts;

import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.response.Response;
import io.warroom.chat.ChatAction;
import io.warroom.slack.declare.DeclareModal;
import io.warroom.slack.inbound.ActionListener;
import io.warroom.slack.inbound.ActionReplies;
import io.warroom.slack.webapi.AfterAck;
import io.warroom.triage.Triage;
import io.warroom.triage.TriagedGroup;
import jakarta.inject.Singleton;

/**
 * An alert card's "Declare incident": the Declare modal, filled in from the alert. The incident it
 * declares gets the alert group attached (see the Declare modal's submission).
 */
@Singleton
class AlertDeclareActionListener implements ActionListener {

  private final Triage triage;
  private final AfterAck afterAck;

  AlertDeclareActionListener(Triage triage, AfterAck afterAck) {
    this.triage = triage;
    this.afterAck = afterAck;
  }

  @Override
  public ChatAction action() {
    return ChatAction.ALERT_DECLARE;
  }

  @Override
  public Response handle(BlockActionRequest request, ActionContext ctx) {
    long groupId = Long.parseLong(request.getPayload().getActions().get(0).getValue());
    TriagedGroup g = triage.find(groupId).orElse(null);
    if (g == null) {
      ActionReplies.refuse(ctx, afterAck, "This alert is no longer known to Warroom.");
      return ctx.ack();
    }
    if (g.incidentId() != null) {
      ActionReplies.refuse(
          ctx, afterAck, "This alert already belongs to incident " + g.incidentId() + ".");
      return ctx.ack();
    }
    String trigger = request.getPayload().getTriggerId();
    String title = AlertTitles.title(g.summary());
    afterAck.runWithTrigger(
        "Opening the Declare modal for an alert",
        () ->
            ctx.client()
                .viewsOpen(
                    r ->
                        r.triggerId(trigger).view(DeclareModal.fromAlert(g.sev(), title, groupId))),
        error ->
            ActionReplies.warn(
                ctx,
                "Slack did not open the Declare form ("
                    + error
                    + "). Press *Declare incident* again."));
    return ctx.ack();
  }
}
