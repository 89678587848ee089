package io.warroom.slack.alerts;

import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.response.Response;
import io.warroom.chat.ChatAction;
import io.warroom.incident.Refusal;
import io.warroom.slack.inbound.ActionListener;
import io.warroom.slack.inbound.ActionReplies;
import io.warroom.slack.webapi.AfterAck;
import io.warroom.triage.Triage;
import jakarta.inject.Singleton;

/** An alert card's "Noise": records who judged the alert noise, and when; the card shows it. */
@Singleton
class AlertNoiseActionListener implements ActionListener {

  private final Triage triage;
  private final AfterAck afterAck;

  AlertNoiseActionListener(Triage triage, AfterAck afterAck) {
    this.triage = triage;
    this.afterAck = afterAck;
  }

  @Override
  public ChatAction action() {
    return ChatAction.ALERT_NOISE;
  }

  @Override
  public Response handle(BlockActionRequest request, ActionContext ctx) {
    long groupId = Long.parseLong(request.getPayload().getActions().get(0).getValue());
    try {
      triage.noise(groupId, request.getPayload().getUser().getId());
    } catch (Refusal refusal) {
      ActionReplies.refuse(ctx, afterAck, refusal.getMessage());
    }
    return ctx.ack();
  }
}
