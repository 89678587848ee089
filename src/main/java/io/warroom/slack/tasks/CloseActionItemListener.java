package io.warroom.slack.tasks;

import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.response.Response;
import io.warroom.incident.ActionItemService;
import io.warroom.incident.ActionStatus;
import io.warroom.incident.Refusal;
import io.warroom.slack.inbound.ActionListener;
import io.warroom.slack.inbound.ActionReplies;
import io.warroom.slack.webapi.AfterAck;

/** An action item's buttons: close it as done, or as won't do; anyone may, and who did is kept. */
abstract class CloseActionItemListener implements ActionListener {

  private final ActionItemService actionItems;
  private final AfterAck afterAck;
  private final ActionStatus status;

  CloseActionItemListener(ActionItemService actionItems, AfterAck afterAck, ActionStatus status) {
    this.actionItems = actionItems;
    this.afterAck = afterAck;
    this.status = status;
  }

  @Override
  public Response handle(BlockActionRequest request, ActionContext ctx) {
    long id = Long.parseLong(request.getPayload().getActions().get(0).getValue());
    try {
      actionItems.close(id, status, request.getPayload().getUser().getId());
    } catch (Refusal refusal) {
      ActionReplies.refuse(ctx, afterAck, refusal.getMessage());
    }
    return ctx.ack();
  }
}
