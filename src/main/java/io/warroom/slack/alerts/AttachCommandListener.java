package io.warroom.slack.alerts;

import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.response.Response;
import io.warroom.chat.Mrkdwn;
import io.warroom.incident.Refusal;
import io.warroom.slack.inbound.CommandCall;
import io.warroom.slack.inbound.CommandListener;
import io.warroom.slack.inbound.CommandSpec;
import io.warroom.slack.inbound.Replies;
import io.warroom.triage.AlertCardView;
import io.warroom.triage.Triage;
import io.warroom.triage.TriagedGroup;
import jakarta.inject.Singleton;
import java.util.List;

/**
 * {@code /incident attach}: in a war room, lists the recent alerts nobody has dealt with; {@code
 * /incident attach <alert>} attaches one to this incident.
 */
@Singleton
class AttachCommandListener implements CommandListener {

  static final CommandSpec SPEC =
      CommandSpec.inIncidentChannel(
          "attach", "attach [alert]", "list recent alerts, or attach one to this incident");

  static final int LISTED = 10;

  private final Triage triage;

  AttachCommandListener(Triage triage) {
    this.triage = triage;
  }

  @Override
  public CommandSpec spec() {
    return SPEC;
  }

  @Override
  public Response handle(CommandCall call, SlashCommandContext ctx) {
    long incidentId = call.incidentId();
    String arg = call.args().strip();
    if (arg.isEmpty()) {
      return Replies.ephemeral(ctx, list(triage.unattached(LISTED)));
    }
    long groupId;
    try {
      groupId = Long.parseLong(arg);
    } catch (NumberFormatException e) {
      throw new Refusal(
          "Write the alert's number, as `/incident attach` lists them: `/incident attach 12`.");
    }
    TriagedGroup g =
        triage.find(groupId).orElseThrow(() -> new Refusal("There is no alert " + groupId + "."));
    triage.attach(groupId, incidentId, TriagedGroup.ATTACHED, call.userId());
    return Replies.ephemeral(
        ctx,
        ":link: Attached alert "
            + groupId
            + " ("
            + AlertCardView.escape(Mrkdwn.truncate(g.summary(), 120))
            + ") to this incident.");
  }

  static String list(List<TriagedGroup> groups) {
    if (groups.isEmpty()) {
      return "No firing alert is waiting for triage.";
    }
    StringBuilder out = new StringBuilder("*Recent alerts nobody has dealt with:*\n");
    for (TriagedGroup g : groups) {
      out.append("• `/incident attach ")
          .append(g.id())
          .append("` ")
          .append(g.sev().label())
          .append(" ")
          .append(AlertCardView.escape(Mrkdwn.truncate(g.summary(), 120)))
          .append(" (")
          .append(AlertCardView.source(g.source()))
          .append(", ")
          .append(g.firingCount())
          .append(" firing");
      if (g.startedAt() != null) {
        out.append(", since ").append(Mrkdwn.date(g.startedAt(), "{date_short} {time}"));
      }
      out.append(")\n");
    }
    return out.toString();
  }
}
