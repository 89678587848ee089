package io.warroom.slack.status;

import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.response.Response;
import io.warroom.chat.ChatAction;
import io.warroom.incident.IncidentService;
import io.warroom.incident.Refusal;
import io.warroom.incident.Severity;
import io.warroom.slack.inbound.ActionListener;
import io.warroom.slack.inbound.ActionReplies;
import io.warroom.slack.webapi.AfterAck;
import jakarta.inject.Singleton;

/** The card's "Change severity" menu; its options are {@code <incident id>:<SEVn>}. */
@Singleton
class ChangeSeverityActionListener implements ActionListener {

  private final IncidentService incidents;
  private final AfterAck afterAck;

  ChangeSeverityActionListener(IncidentService incidents, AfterAck afterAck) {
    this.incidents = incidents;
    this.afterAck = afterAck;
  }

  @Override
  public ChatAction action() {
    return ChatAction.CHANGE_SEVERITY;
  }

  @Override
  public Response handle(BlockActionRequest request, ActionContext ctx) {
    BlockActionPayload.Action action = request.getPayload().getActions().get(0);
    String value = action.getSelectedOption() == null ? "" : action.getSelectedOption().getValue();
    int colon = value.indexOf(':');
    try {
      long id = Long.parseLong(value.substring(0, colon));
      Severity severity = Severity.parse(value.substring(colon + 1)).orElseThrow();
      incidents.changeSeverity(id, severity, request.getPayload().getUser().getId());
    } catch (Refusal refusal) {
      ActionReplies.refuse(ctx, afterAck, refusal.getMessage());
    } catch (RuntimeException malformed) {
      ActionReplies.refuse(ctx, afterAck, "That menu is out of date; use `/incident sev <1-4>`.");
    }
    return ctx.ack();
  }
}
