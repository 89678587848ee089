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

/** Rule out on the hypothesis board; a confirmed hypothesis cannot also be ruled out. */
@Singleton
class HypothesisRuleOutActionListener implements ActionListener {

  private final Hypotheses hypotheses;
  private final AfterAck afterAck;

  HypothesisRuleOutActionListener(Hypotheses hypotheses, AfterAck afterAck) {
    this.hypotheses = hypotheses;
    this.afterAck = afterAck;
  }

  @Override
  public ChatAction action() {
    return ChatAction.HYPOTHESIS_RULE_OUT;
  }

  @Override
  public Response handle(BlockActionRequest request, ActionContext ctx) {
    try {
      long id = Long.parseLong(request.getPayload().getActions().get(0).getValue());
      hypotheses.ruleOut(id, request.getPayload().getUser().getId());
    } catch (NumberFormatException bad) {
      ActionReplies.refuse(ctx, afterAck, "That button names no hypothesis; nothing changed.");
    } catch (Refusal refusal) {
      ActionReplies.refuse(ctx, afterAck, refusal.getMessage());
    }
    return ctx.ack();
  }
}
