package io.warroom.slack.tasks;

import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.response.Response;
import io.warroom.incident.ActionItemService;
import io.warroom.slack.SlackText;
import io.warroom.slack.inbound.CommandCall;
import io.warroom.slack.inbound.CommandListener;
import io.warroom.slack.inbound.CommandSpec;
import io.warroom.slack.inbound.Replies;
import jakarta.inject.Singleton;
import java.util.Optional;

/**
 * {@code /incident action <text> [<@owner>]}: a follow-up for the postmortem, with Done and Won't
 * do buttons. Works after resolution too.
 */
@Singleton
class ActionCommandListener implements CommandListener {

  static final CommandSpec SPEC =
      CommandSpec.inIncidentChannel(
              "action",
              "action <text> [<@owner>]",
              "record a follow-up action item for the postmortem")
          .withExample("action <text> @owner");

  private final ActionItemService actionItems;

  ActionCommandListener(ActionItemService actionItems) {
    this.actionItems = actionItems;
  }

  @Override
  public CommandSpec spec() {
    return SPEC;
  }

  @Override
  public Response handle(CommandCall call, SlashCommandContext ctx) {
    long incidentId = call.incidentId();
    String args = call.args().strip();
    // The owner is an optional mention at the end: "Add DB CPU alarms at 80% @bob".
    int last = args.lastIndexOf(' ');
    String tail = last < 0 ? args : args.substring(last + 1);
    Optional<String> owner = SlackText.userId(tail);
    String text = owner.isPresent() ? args.substring(0, Math.max(0, last)) : args;
    actionItems.record(incidentId, SlackText.plain(text), owner.orElse(null), call.userId());
    return Replies.ephemeral(ctx, ":white_check_mark: Action item recorded for the postmortem.");
  }
}
