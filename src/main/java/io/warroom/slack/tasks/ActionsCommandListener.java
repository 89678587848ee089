package io.warroom.slack.tasks;

import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.response.Response;
import io.warroom.chat.Mrkdwn;
import io.warroom.incident.ActionItem;
import io.warroom.incident.ActionItemService;
import io.warroom.slack.inbound.CommandCall;
import io.warroom.slack.inbound.CommandListener;
import io.warroom.slack.inbound.CommandSpec;
import io.warroom.slack.inbound.Replies;
import jakarta.inject.Singleton;
import java.util.List;

/** {@code /incident actions}: the incident's action items and where they stand, privately. */
@Singleton
class ActionsCommandListener implements CommandListener {

  static final CommandSpec SPEC =
      CommandSpec.inIncidentChannel("actions", "actions", "the action items and their status");

  static final int MAX_LISTED = 40;

  private final ActionItemService actionItems;

  ActionsCommandListener(ActionItemService actionItems) {
    this.actionItems = actionItems;
  }

  @Override
  public CommandSpec spec() {
    return SPEC;
  }

  @Override
  public Response handle(CommandCall call, SlashCommandContext ctx) {
    long incidentId = call.incidentId();
    List<ActionItem> items = actionItems.list(incidentId);
    if (items.isEmpty()) {
      return Replies.ephemeral(
          ctx, "No action items yet. Record one with `/incident action <text> @owner`.");
    }
    long open = items.stream().filter(ActionItem::isOpen).count();
    StringBuilder text =
        new StringBuilder("*Action items (" + items.size() + ", " + open + " open)*\n");
    for (ActionItem i : items.subList(0, Math.min(MAX_LISTED, items.size()))) {
      text.append(i.isOpen() ? "• " : "• ~")
          .append(Mrkdwn.escape(Mrkdwn.truncate(i.text(), 200)))
          .append(i.isOpen() ? "" : "~")
          .append(" — ")
          .append(i.owner() == null ? "_no owner_" : Mrkdwn.user(i.owner()))
          .append(" · *")
          .append(i.status().label())
          .append("*\n");
    }
    if (items.size() > MAX_LISTED) {
      text.append("_…and ")
          .append(items.size() - MAX_LISTED)
          .append(" more in the postmortem draft._");
    }
    return Replies.ephemeral(ctx, text.toString());
  }
}
