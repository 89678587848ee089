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

/** "I'll check" on the hypothesis board: the presser becomes one of the hypothesis's owners. */
@Singleton
class HypothesisCheckActionListener implements ActionListener {

  private final Hypotheses hypotheses;
  private final AfterAck afterAck;

  HypothesisCheckActionListener(Hypotheses hypotheses, AfterAck afterAck) {
    this.hypotheses = hypotheses;
    this.afterAck = afterAck;
  }

  @Override
  public ChatAction action() {
    return ChatAction.HYPOTHESIS_CHECK;
  }

  @Override
  public Response handle(BlockActionRequest request, ActionContext ctx) {
    try {
      long id = Long.parseLong(request.getPayload().getActions().get(0).getValue());
      hypotheses.check(id, request.getPayload().getUser().getId());
    } catch (NumberFormatException bad) {
      ActionReplies.refuse(ctx, afterAck, "That button names no hypothesis; nothing changed.");
    } catch (Refusal refusal) {
      ActionReplies.refuse(ctx, afterAck, refusal.getMessage());
    }
    return ctx.ack();
  }
}
