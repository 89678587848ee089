package io.warroom.slack.status;

import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.response.Response;
import io.warroom.heartbeat.Heartbeats;
import io.warroom.incident.Incident;
import io.warroom.incident.IncidentService;
import io.warroom.incident.Refusal;
import io.warroom.incident.StatusUpdate;
import io.warroom.slack.SlackText;
import io.warroom.slack.inbound.CommandCall;
import io.warroom.slack.inbound.CommandListener;
import io.warroom.slack.inbound.CommandSpec;
import io.warroom.slack.inbound.Replies;
import io.warroom.slack.webapi.AfterAck;
import jakarta.inject.Singleton;
import java.time.Duration;

/**
 * {@code /incident update}: the Status Update modal; {@code /incident update <text>}: a quick
 * update with that text.
 */
@Singleton
class UpdateCommandListener implements CommandListener {

  static final CommandSpec SPEC =
      CommandSpec.inIncidentChannel(
              "update",
              "update [text]",
              "post a status update for stakeholders (no text opens the form)")
          .withExample("update <text>");

  private final IncidentService incidents;
  private final Heartbeats heartbeats;
  private final AfterAck afterAck;

  UpdateCommandListener(IncidentService incidents, Heartbeats heartbeats, AfterAck afterAck) {
    this.incidents = incidents;
    this.heartbeats = heartbeats;
    this.afterAck = afterAck;
  }

  @Override
  public CommandSpec spec() {
    return SPEC;
  }

  @Override
  public Response handle(CommandCall call, SlashCommandContext ctx) {
    long incidentId = call.incidentId();
    String text = SlackText.plain(call.args()).strip();
    if (text.isEmpty()) {
      Incident incident = incidents.find(incidentId).orElseThrow();
      if (!incident.isOpen()) {
        throw new Refusal(
            "This incident is resolved; there is nothing to update. `/incident reopen` if the problem is back.");
      }
      Duration cadence =
          heartbeats.settings().cadence(incident.severity()).orElse(Duration.ofMinutes(30));
      afterAck.runWithTrigger(
          "Opening the Status Update modal",
          () ->
              ctx.client()
                  .viewsOpen(
                      r ->
                          r.triggerId(call.triggerId())
                              .view(StatusUpdateModal.view(incident, cadence))),
          error ->
              Replies.warnLater(
                  ctx,
                  Replies.formNotOpened(
                      "Status Update",
                      error,
                      "Type `/incident update` again for the form, or post the update straight"
                          + " away: `/incident update &lt;text&gt;`")));
      return ctx.ack();
    }
    incidents.postUpdate(incidentId, StatusUpdate.quick(text), call.userId());
    return Replies.ephemeral(
        ctx, ":white_check_mark: Update posted; the next one is due after the usual interval.");
  }
}
