package io.warroom.slack.record;

import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.response.Response;
import io.warroom.incident.IncidentService;
import io.warroom.incident.Refusal;
import io.warroom.pages.PageLinks;
import io.warroom.slack.InRoom;
import io.warroom.slack.inbound.CommandCall;
import io.warroom.slack.inbound.CommandListener;
import io.warroom.slack.inbound.Replies;
import jakarta.inject.Singleton;

/**
 * {@code /incident share}: answers privately with a signed link to the incident's read-only page,
 * for people without Slack. A private incident has no page.
 */
@Singleton
class ShareCommandListener implements CommandListener {

  private final IncidentService incidents;
  private final InRoom room;
  private final PageLinks links;

  ShareCommandListener(IncidentService incidents, InRoom room, PageLinks links) {
    this.incidents = incidents;
    this.room = room;
    this.links = links;
  }

  @Override
  public String name() {
    return "share";
  }

  @Override
  public String usage() {
    return "share";
  }

  @Override
  public String summary() {
    return "a link to this incident's read-only page, for people without Slack";
  }

  @Override
  public boolean inIncidentChannel() {
    return true;
  }

  @Override
  public Response handle(CommandCall call, SlashCommandContext ctx) {
    long incidentId = room.incident(call, "share");
    if (incidents.find(incidentId).map(i -> i.privateIncident()).orElse(true)) {
      throw new Refusal("A private incident has no shareable page.");
    }
    return Replies.ephemeral(ctx, ShareText.of(links.incident(incidentId), links.ttl()));
  }
}
