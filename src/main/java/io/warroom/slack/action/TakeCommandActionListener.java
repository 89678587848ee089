package io.warroom.slack.action;

import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.response.Response;
import io.warroom.chat.ChatAction;
import io.warroom.incident.IncidentService;
import io.warroom.incident.Refusal;
import io.warroom.incident.Role;
import io.warroom.slack.ActionListener;
import io.warroom.slack.ActionReplies;
import io.warroom.slack.AfterAck;
import jakarta.inject.Singleton;

/** The card's "Take command" button: whoever presses it becomes the Incident Commander. */
@Singleton
class TakeCommandActionListener implements ActionListener {

  private final IncidentService incidents;
  private final AfterAck afterAck;

  TakeCommandActionListener(IncidentService incidents, AfterAck afterAck) {
    this.incidents = incidents;
    this.afterAck = afterAck;
  }

  @Override
  public ChatAction action() {
    return ChatAction.TAKE_COMMAND;
  }

  @Override
  public Response handle(BlockActionRequest request, ActionContext ctx) {
    long incidentId = Long.parseLong(request.getPayload().getActions().get(0).getValue());
    String user = request.getPayload().getUser().getId();
    try {
      incidents.assignRole(incidentId, Role.COMMANDER, user, user);
    } catch (Refusal refusal) {
      ActionReplies.refuse(ctx, afterAck, refusal.getMessage());
    }
    return ctx.ack();
  }
}
