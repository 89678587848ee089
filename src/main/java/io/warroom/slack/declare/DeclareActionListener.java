package io.warroom.slack.declare;

import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.response.Response;
import io.warroom.chat.ChatAction;
import io.warroom.chat.Mrkdwn;
import io.warroom.incident.IncidentSettings;
import io.warroom.slack.home.AppHome;
import io.warroom.slack.inbound.ActionListener;
import io.warroom.slack.inbound.Replies;
import io.warroom.slack.webapi.AfterAck;
import jakarta.inject.Singleton;

/**
 * App Home's "Declare an incident" button: opens the Declare modal. If Slack will not open it, the
 * Home tab says so, and what to type instead: a press in App Home has no response URL.
 */
@Singleton
class DeclareActionListener implements ActionListener {

  static final String INSTEAD =
      "Press *Declare an incident* again, or type `/incident "
          + Mrkdwn.escape("declare [sev1-4] <title>")
          + "` in any channel.";

  private final IncidentSettings settings;
  private final AfterAck afterAck;
  private final AppHome home;

  DeclareActionListener(IncidentSettings settings, AfterAck afterAck, AppHome home) {
    this.settings = settings;
    this.afterAck = afterAck;
    this.home = home;
  }

  @Override
  public ChatAction action() {
    return ChatAction.DECLARE;
  }

  @Override
  public Response handle(BlockActionRequest request, ActionContext ctx) {
    String trigger = request.getPayload().getTriggerId();
    String user = request.getPayload().getUser().getId();
    afterAck.runWithTrigger(
        "Opening the Declare modal",
        () -> {
          var opened =
              ctx.client()
                  .viewsOpen(
                      r ->
                          r.triggerId(trigger)
                              .view(DeclareModal.view(settings.defaultSeverity(), false, null)));
          if (opened.isOk()) {
            home.withdrawNotice(ctx.client(), user);
          }
          return opened;
        },
        error ->
            home.publish(ctx.client(), user, Replies.formNotOpened("Declare", error, INSTEAD)));
    return ctx.ack();
  }
}
