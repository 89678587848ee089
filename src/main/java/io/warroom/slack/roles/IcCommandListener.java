package io.warroom.slack.roles;

import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.response.Response;
import io.warroom.chat.Mrkdwn;
import io.warroom.incident.Incident;
import io.warroom.incident.IncidentService;
import io.warroom.incident.Role;
import io.warroom.slack.MentionArg;
import io.warroom.slack.SlackText;
import io.warroom.slack.inbound.CommandCall;
import io.warroom.slack.inbound.CommandListener;
import io.warroom.slack.inbound.CommandSpec;
import io.warroom.slack.inbound.Replies;
import jakarta.inject.Singleton;

/** {@code /incident ic <@user>} or {@code /incident ic me}: assigns the Incident Commander. */
@Singleton
class IcCommandListener implements CommandListener {

  static final CommandSpec SPEC =
      CommandSpec.inIncidentChannel(
              "ic", "ic <@user> | ic me", "make someone (or yourself) the Incident Commander")
          .withExample("ic @user");

  private final IncidentService incidents;

  IcCommandListener(IncidentService incidents) {
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
    String user =
        MentionArg.user(words[0], call.userId(), "`/incident ic @alice` or `/incident ic me`");
    Incident incident = incidents.find(incidentId).orElseThrow();
    String current = incident.commander();
    if (incident.isOpen()
        && current != null
        && !current.equals(call.userId())
        && !current.equals(user)) {
      // Someone else commands: taking over is a choice the caller confirms, and it is recorded.
      return Replies.ephemeral(ctx, TakeOverQuestion.ask(incidentId, current, user, call.userId()));
    }
    incidents.assignRole(incidentId, Role.COMMANDER, user, call.userId());
    return Replies.ephemeral(
        ctx, ":white_check_mark: " + Mrkdwn.user(user) + " is the Incident Commander.");
  }
}
