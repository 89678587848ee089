package io.warroom.slack.declare;

import com.slack.api.bolt.context.builtin.GlobalShortcutContext;
import com.slack.api.bolt.request.builtin.GlobalShortcutRequest;
import com.slack.api.bolt.response.Response;
import io.warroom.incident.IncidentSettings;
import io.warroom.slack.SlackIds;
import io.warroom.slack.home.AppHome;
import io.warroom.slack.inbound.GlobalShortcutListener;
import io.warroom.slack.inbound.Replies;
import io.warroom.slack.webapi.AfterAck;
import jakarta.inject.Singleton;

/**
 * The global shortcut "Declare an incident": acks, then opens the Declare modal. A global shortcut
 * has no response URL, so if Slack will not open the modal, the user's Home tab says so.
 */
@Singleton
class DeclareGlobalShortcutListener implements GlobalShortcutListener {

  private final IncidentSettings settings;
  private final AfterAck afterAck;
  private final AppHome home;

  DeclareGlobalShortcutListener(IncidentSettings settings, AfterAck afterAck, AppHome home) {
    this.settings = settings;
    this.afterAck = afterAck;
    this.home = home;
  }

  @Override
  public String callbackId() {
    return SlackIds.DECLARE_SHORTCUT;
  }

  @Override
  public Response handle(GlobalShortcutRequest request, GlobalShortcutContext ctx) {
    String trigger = request.getPayload().getTriggerId();
    String user = request.getPayload().getUser().getId();
    afterAck.runWithTrigger(
        "Opening the Declare modal from the shortcut",
        () ->
            ctx.client()
                .viewsOpen(
                    r ->
                        r.triggerId(trigger)
                            .view(DeclareModal.view(settings.defaultSeverity(), false, null))),
        error ->
            home.publish(
                ctx.client(),
                user,
                Replies.formNotOpened(
                    "Declare",
                    error,
                    "Try the shortcut again, or type `/incident declare` in any channel.")));
    return ctx.ack();
  }
}
