package io.warroom.slack.hypothesis;

import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.response.Response;
import io.warroom.chat.ChatAction;
import io.warroom.hypothesis.Hypotheses;
import io.warroom.incident.Refusal;
import io.warroom.slack.inbound.ActionListener;
import io.warroom.slack.inbound.ActionReplies;
import io.warroom.slack.webapi.AfterAck;
import jakarta.inject.Singleton;

/** Confirm on the hypothesis board; of two people pressing at once, the second is told. */
@Singleton
class HypothesisConfirmActionListener implements ActionListener {

  private final Hypotheses hypotheses;
  private final AfterAck afterAck;

  HypothesisConfirmActionListener(Hypotheses hypotheses, AfterAck afterAck) {
    this.hypotheses = hypotheses;
    this.afterAck = afterAck;
  }

  @Override
  public ChatAction action() {
    return ChatAction.HYPOTHESIS_CONFIRM;
  }

  @Override
  public Response handle(BlockActionRequest request, ActionContext ctx) {
    try {
      long id = Long.parseLong(request.getPayload().getActions().get(0).getValue());
      hypotheses.confirm(id, request.getPayload().getUser().getId());
    } catch (NumberFormatException bad) {
      ActionReplies.refuse(ctx, afterAck, "That button names no hypothesis; nothing changed.");
    } catch (Refusal refusal) {
      ActionReplies.refuse(ctx, afterAck, refusal.getMessage());
    }
    return ctx.ack();
  }
}
