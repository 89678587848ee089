package io.warroom.slack.record;

import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.response.Response;
import io.warroom.chat.ChatAction;
import io.warroom.incident.IncidentService;
import io.warroom.pages.PageLinks;
import io.warroom.slack.inbound.ActionListener;
import io.warroom.slack.inbound.ActionReplies;
import io.warroom.slack.webapi.AfterAck;
import jakarta.inject.Singleton;

/** The card's "Share": tells only the person who pressed a signed link to the incident's page. */
@Singleton
class ShareActionListener implements ActionListener {

  private final IncidentService incidents;
  private final PageLinks links;
  private final AfterAck afterAck;

  ShareActionListener(IncidentService incidents, PageLinks links, AfterAck afterAck) {
    this.incidents = incidents;
    this.links = links;
    this.afterAck = afterAck;
  }

  @Override
  public ChatAction action() {
    return ChatAction.SHARE;
  }

  @Override
  public Response handle(BlockActionRequest request, ActionContext ctx) {
    long incidentId = Long.parseLong(request.getPayload().getActions().get(0).getValue());
    boolean shareable = incidents.find(incidentId).filter(i -> !i.privateIncident()).isPresent();
    if (!shareable) {
      ActionReplies.refuse(ctx, afterAck, "A private incident has no shareable page.");
      return ctx.ack();
    }
    String text = ShareText.of(links.incident(incidentId), links.ttl());
    afterAck.run(
        "Sending the page link",
        () -> ctx.respond(r -> r.responseType("ephemeral").replaceOriginal(false).text(text)));
    return ctx.ack();
  }
}
