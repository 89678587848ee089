package io.warroom.slack.action;

import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.response.Response;
import io.warroom.chat.ChatAction;
import io.warroom.incident.IncidentSettings;
import io.warroom.slack.ActionListener;
import io.warroom.slack.AfterAck;
import io.warroom.slack.view.DeclareModal;
import jakarta.inject.Singleton;

/** App Home's "Declare an incident" button: opens the Declare modal. */
@Singleton
class DeclareActionListener implements ActionListener {

  private final IncidentSettings settings;
  private final AfterAck afterAck;

  DeclareActionListener(IncidentSettings settings, AfterAck afterAck) {
    this.settings = settings;
    this.afterAck = afterAck;
  }

  @Override
  public ChatAction action() {
    return ChatAction.DECLARE;
  }

  @Override
  public Response handle(BlockActionRequest request, ActionContext ctx) {
    String trigger = request.getPayload().getTriggerId();
    afterAck.runWithTrigger(
        "Opening the Declare modal",
        () ->
            ctx.client()
                .viewsOpen(
                    r ->
                        r.triggerId(trigger)
                            .view(DeclareModal.view(settings.defaultSeverity(), false, null))),
        error -> {}); // pressed in App Home: no response URL to say why; the log does
    return ctx.ack();
  }
}
