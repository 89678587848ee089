package io.warroom.slack.roles;

import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.response.Response;
import io.warroom.chat.ChatAction;
import io.warroom.handover.Handovers;
import io.warroom.incident.Refusal;
import io.warroom.slack.inbound.ActionListener;
import io.warroom.slack.inbound.ActionReplies;
import io.warroom.slack.webapi.AfterAck;
import jakarta.inject.Singleton;

/**
 * A handover note's "Accept command" button. Only the person named can accept; anyone else, a
 * second press, or a handover that lapsed gets a private answer and changes nothing.
 */
@Singleton
class AcceptCommandActionListener implements ActionListener {

  private final Handovers handovers;
  private final AfterAck afterAck;

  AcceptCommandActionListener(Handovers handovers, AfterAck afterAck) {
    this.handovers = handovers;
    this.afterAck = afterAck;
  }

  @Override
  public ChatAction action() {
    return ChatAction.ACCEPT_COMMAND;
  }

  @Override
  public Response handle(BlockActionRequest request, ActionContext ctx) {
    String user = request.getPayload().getUser().getId();
    long handoverId;
    try {
      handoverId = Long.parseLong(request.getPayload().getActions().get(0).getValue());
    } catch (NumberFormatException e) {
      ActionReplies.refuse(ctx, afterAck, "That button is not one Warroom made; nothing changed.");
      return ctx.ack();
    }
    try {
      handovers.accept(handoverId, user);
    } catch (Refusal refusal) {
      ActionReplies.refuse(ctx, afterAck, refusal.getMessage());
    }
    return ctx.ack();
  }
}
