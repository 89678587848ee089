package io.warroom.slack.roles;

import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.response.Response;
import io.warroom.chat.Mrkdwn;
import io.warroom.incident.IncidentService;
import io.warroom.incident.Refusal;
import io.warroom.incident.Role;
import io.warroom.slack.MentionArg;
import io.warroom.slack.SlackText;
import io.warroom.slack.inbound.CommandCall;
import io.warroom.slack.inbound.CommandListener;
import io.warroom.slack.inbound.CommandSpec;
import io.warroom.slack.inbound.Replies;
import jakarta.inject.Singleton;

/** {@code /incident role <comms|scribe|ops> <@user>}: assigns a supporting role. */
@Singleton
class RoleCommandListener implements CommandListener {

  static final CommandSpec SPEC =
      CommandSpec.inIncidentChannel(
              "role",
              "role <comms|scribe|ops> <@user>",
              "assign the communications lead, scribe or operations lead")
          .withExample("role comms @user");

  private static final String EXAMPLE = "`/incident role comms @alice` (roles: comms, scribe, ops)";

  private final IncidentService incidents;

  RoleCommandListener(IncidentService incidents) {
    this.incidents = incidents;
  }

  @Override
  public CommandSpec spec() {
    return SPEC;
  }

  @Override
  public Response handle(CommandCall call, SlashCommandContext ctx) {
    long incidentId = call.incidentId();
    String[] words = SlackText.firstWord(call.args());
    Role role =
        Role.parseDelegated(words[0])
            .orElseThrow(
                () ->
                    new Refusal(
                        (words[0].isEmpty()
                                ? "Say which role: "
                                : "`"
                                    + Mrkdwn.escape(Mrkdwn.truncate(SlackText.plain(words[0]), 20))
                                    + "` is not a role. Try ")
                            + EXAMPLE
                            + ". The commander is set with `/incident ic`."));
    String user = MentionArg.user(SlackText.firstWord(words[1])[0], call.userId(), EXAMPLE);
    incidents.assignRole(incidentId, role, user, call.userId());
    return Replies.ephemeral(
        ctx, ":white_check_mark: " + Mrkdwn.user(user) + " is the " + role.title() + ".");
  }
}
