package io.warroom.slack.status;

import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.response.Response;
import io.warroom.chat.ChatAction;
import io.warroom.incident.IncidentService;
import io.warroom.incident.Refusal;
import io.warroom.slack.inbound.ActionListener;
import io.warroom.slack.inbound.ActionReplies;
import io.warroom.slack.webapi.AfterAck;
import jakarta.inject.Singleton;

/** The card's "Mitigated" button (after Slack's confirmation dialog). */
@Singleton
class MitigateActionListener implements ActionListener {

  private final IncidentService incidents;
  private final AfterAck afterAck;

  MitigateActionListener(IncidentService incidents, AfterAck afterAck) {
    this.incidents = incidents;
    this.afterAck = afterAck;
  }

  @Override
  public ChatAction action() {
    return ChatAction.MITIGATE;
  }

  @Override
  public Response handle(BlockActionRequest request, ActionContext ctx) {
    long id = Long.parseLong(request.getPayload().getActions().get(0).getValue());
    try {
      incidents.mitigate(id, null, request.getPayload().getUser().getId());
    } catch (Refusal refusal) {
      ActionReplies.refuse(ctx, afterAck, refusal.getMessage());
    }
    return ctx.ack();
  }
}
