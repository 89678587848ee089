package io.warroom.slack.status;

import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.response.Response;
import io.warroom.chat.ChatAction;
import io.warroom.heartbeat.Heartbeats;
import io.warroom.incident.Incident;
import io.warroom.incident.IncidentService;
import io.warroom.slack.inbound.ActionListener;
import io.warroom.slack.inbound.ActionReplies;
import io.warroom.slack.inbound.Replies;
import io.warroom.slack.webapi.AfterAck;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Optional;

/** "Post update" on the card and on each reminder: opens the Status Update modal. */
@Singleton
class PostUpdateActionListener implements ActionListener {

  private final IncidentService incidents;
  private final Heartbeats heartbeats;
  private final AfterAck afterAck;

  PostUpdateActionListener(IncidentService incidents, Heartbeats heartbeats, AfterAck afterAck) {
    this.incidents = incidents;
    this.heartbeats = heartbeats;
    this.afterAck = afterAck;
  }

  @Override
  public ChatAction action() {
    return ChatAction.POST_UPDATE;
  }

  @Override
  public Response handle(BlockActionRequest request, ActionContext ctx) {
    long id = Long.parseLong(request.getPayload().getActions().get(0).getValue());
    Optional<Incident> incident = incidents.find(id).filter(Incident::isOpen);
    if (incident.isEmpty()) {
      ActionReplies.refuse(ctx, afterAck, "This incident is resolved; there is nothing to update.");
      return ctx.ack();
    }
    Duration cadence =
        heartbeats.settings().cadence(incident.get().severity()).orElse(Duration.ofMinutes(30));
    String trigger = request.getPayload().getTriggerId();
    afterAck.runWithTrigger(
        "Opening the Status Update modal",
        () ->
            ctx.client()
                .viewsOpen(
                    r ->
                        r.triggerId(trigger).view(StatusUpdateModal.view(incident.get(), cadence))),
        error ->
            ActionReplies.warn(
                ctx,
                Replies.formNotOpened(
                    "Status Update",
                    error,
                    "Press *Post update* again, or post it straight away in the channel:"
                        + " `/incident update &lt;text&gt;`")));
    return ctx.ack();
  }
}
