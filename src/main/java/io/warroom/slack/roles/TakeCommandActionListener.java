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
 * "Take command" (on the card, the no-IC reminder, or the private question {@code /incident ic}
 * asks): the presser becomes the Incident Commander. When someone else is IC, the button names them
 * and Slack asked the presser to confirm; the change is recorded as a take-over and the previous IC
 * is told. A press from a view drawn before the IC changed changes nothing.
 *
 * <p>The value is {@code incidentId}, {@code incidentId:currentIc}, or {@code
 * incidentId:currentIc:newIc} (a take-over on someone else's behalf).
 */
@Singleton
class TakeCommandActionListener implements ActionListener {

  private final Handovers handovers;
  private final AfterAck afterAck;

  TakeCommandActionListener(Handovers handovers, AfterAck afterAck) {
    this.handovers = handovers;
    this.afterAck = afterAck;
  }

  @Override
  public ChatAction action() {
    return ChatAction.TAKE_COMMAND;
  }

  @Override
  public Response handle(BlockActionRequest request, ActionContext ctx) {
    String[] value = request.getPayload().getActions().get(0).getValue().split(":", 3);
    String user = request.getPayload().getUser().getId();
    try {
      long incidentId = Long.parseLong(value[0]);
      String expected = value.length > 1 && !value[1].isEmpty() ? value[1] : null;
      String to = value.length > 2 && !value[2].isEmpty() ? value[2] : user;
      handovers.takeOver(incidentId, expected, to, user);
    } catch (NumberFormatException e) {
      ActionReplies.refuse(ctx, afterAck, "That button is not one Warroom made; nothing changed.");
    } catch (Refusal refusal) {
      ActionReplies.refuse(ctx, afterAck, refusal.getMessage());
    }
    return ctx.ack();
  }
}
