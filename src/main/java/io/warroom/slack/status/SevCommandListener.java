package io.warroom.slack.status;

import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.response.Response;
import io.warroom.chat.Mrkdwn;
import io.warroom.incident.IncidentService;
import io.warroom.incident.Refusal;
import io.warroom.incident.Severity;
import io.warroom.slack.SlackText;
import io.warroom.slack.inbound.CommandCall;
import io.warroom.slack.inbound.CommandListener;
import io.warroom.slack.inbound.CommandSpec;
import io.warroom.slack.inbound.Replies;
import jakarta.inject.Singleton;

/** {@code /incident sev <1-4>}: changes the severity, and with it the update cadence. */
@Singleton
class SevCommandListener implements CommandListener {

  static final CommandSpec SPEC =
      CommandSpec.inIncidentChannel(
              "sev",
              "sev <1-4>",
              "change the severity (1 is the worst); the update cadence follows")
          .withExample("sev 1");

  private final IncidentService incidents;

  SevCommandListener(IncidentService incidents) {
    this.incidents = incidents;
  }

  @Override
  public CommandSpec spec() {
    return SPEC;
  }

  @Override
  public Response handle(CommandCall call, SlashCommandContext ctx) {
    long incidentId = call.incidentId();
    String word = SlackText.firstWord(call.args())[0];
    Severity severity =
        Severity.parse(word)
            .orElseThrow(
                () ->
                    new Refusal(
                        (word.isEmpty()
                                ? "Say which severity"
                                : "`"
                                    + Mrkdwn.escape(Mrkdwn.truncate(SlackText.plain(word), 20))
                                    + "` is not a severity")
                            + ": 1 (worst) to 4, for example `/incident sev 1`."));
    incidents.changeSeverity(incidentId, severity, call.userId());
    return Replies.ephemeral(ctx, ":white_check_mark: Severity is " + severity.label() + ".");
  }
}
