package io.warroom.slack.record;

import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.response.Response;
import io.warroom.incident.IncidentService;
import io.warroom.incident.Refusal;
import io.warroom.pages.PageLinks;
import io.warroom.slack.inbound.CommandCall;
import io.warroom.slack.inbound.CommandListener;
import io.warroom.slack.inbound.CommandSpec;
import io.warroom.slack.inbound.Replies;
import jakarta.inject.Singleton;

/**
 * {@code /incident share}: answers privately with a signed link to the incident's read-only page,
 * for people without Slack. A private incident has no page.
 */
@Singleton
class ShareCommandListener implements CommandListener {

  static final CommandSpec SPEC =
      CommandSpec.inIncidentChannel(
          "share", "share", "a link to this incident's read-only page, for people without Slack");

  private final IncidentService incidents;
  private final PageLinks links;

  ShareCommandListener(IncidentService incidents, PageLinks links) {
    this.incidents = incidents;
    this.links = links;
  }

  @Override
  public CommandSpec spec() {
    return SPEC;
  }

  @Override
  public Response handle(CommandCall call, SlashCommandContext ctx) {
    long incidentId = call.incidentId();
    if (incidents.find(incidentId).map(i -> i.privateIncident()).orElse(true)) {
      throw new Refusal("A private incident has no shareable page.");
    }
    return Replies.ephemeral(ctx, ShareText.of(links.incident(incidentId), links.ttl()));
  }
}
