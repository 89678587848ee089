package io.warroom.slack.record;

import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.response.Response;
import io.warroom.incident.IncidentService;
import io.warroom.slack.inbound.CommandCall;
import io.warroom.slack.inbound.CommandListener;
import io.warroom.slack.inbound.CommandSpec;
import io.warroom.slack.inbound.Replies;
import jakarta.inject.Singleton;

/** {@code /incident postmortem}: generates the draft afresh and posts it again. */
@Singleton
class PostmortemCommandListener implements CommandListener {

  static final CommandSpec SPEC =
      CommandSpec.inIncidentChannel(
          "postmortem", "postmortem", "generate the postmortem draft again and post it");

  private final IncidentService incidents;

  PostmortemCommandListener(IncidentService incidents) {
    this.incidents = incidents;
  }

  @Override
  public CommandSpec spec() {
    return SPEC;
  }

  @Override
  public Response handle(CommandCall call, SlashCommandContext ctx) {
    long incidentId = call.incidentId();
    incidents.requestPostmortem(incidentId, call.userId());
    return Replies.ephemeral(
        ctx,
        ":page_facing_up: Generating the postmortem draft; it will be posted here in a moment.");
  }
}
