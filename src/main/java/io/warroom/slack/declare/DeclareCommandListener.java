package io.warroom.slack.declare;

import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.response.Response;
import io.warroom.chat.Mrkdwn;
import io.warroom.incident.Declaration;
import io.warroom.incident.DeclareRequest;
import io.warroom.incident.Incident;
import io.warroom.incident.IncidentService;
import io.warroom.incident.IncidentSettings;
import io.warroom.room.WarRooms;
import io.warroom.slack.inbound.CommandCall;
import io.warroom.slack.inbound.CommandListener;
import io.warroom.slack.inbound.CommandSpec;
import io.warroom.slack.inbound.Replies;
import io.warroom.slack.webapi.AfterAck;
import jakarta.inject.Singleton;

/**
 * {@code /incident declare [sev1-4] [--drill] <title>}: declares at once; without a title it opens
 * the Declare modal.
 */
@Singleton
class DeclareCommandListener implements CommandListener {

  static final CommandSpec SPEC =
      CommandSpec.anywhere(
          "declare",
          "declare [sev1-4] [--drill] <title>",
          "declare an incident and open its war room (no title opens a form)");

  private final IncidentService incidents;
  private final IncidentSettings settings;
  private final WarRooms rooms;
  private final AfterAck afterAck;

  DeclareCommandListener(
      IncidentService incidents, IncidentSettings settings, WarRooms rooms, AfterAck afterAck) {
    this.incidents = incidents;
    this.settings = settings;
    this.rooms = rooms;
    this.afterAck = afterAck;
  }

  /** Storing the incident has its own deadline ({@link IncidentService#declare}). */
  @Override
  public boolean answersInTime() {
    return true;
  }

  @Override
  public CommandSpec spec() {
    return SPEC;
  }

  @Override
  public Response handle(CommandCall call, SlashCommandContext ctx) {
    DeclareArgs args = DeclareArgs.parse(call.args());
    if (args.title().isEmpty()) {
      afterAck.runWithTrigger(
          "Opening the Declare modal",
          () ->
              ctx.client()
                  .viewsOpen(
                      r ->
                          r.triggerId(call.triggerId())
                              .view(
                                  DeclareModal.view(
                                      args.severity() == null
                                          ? settings.defaultSeverity()
                                          : args.severity(),
                                      args.drill(),
                                      null))),
          error ->
              Replies.warnLater(
                  ctx,
                  Replies.formNotOpened(
                      "Declare",
                      error,
                      "Type `/incident declare` again for the form, or declare straight away:"
                          + " `/incident "
                          + Mrkdwn.escape(SPEC.usage())
                          + "`")));
      return ctx.ack();
    }
    Declaration declaration =
        incidents.declare(
            new DeclareRequest(
                "command:" + call.triggerId(),
                args.title(),
                args.severity(),
                null,
                false,
                args.drill(),
                call.userId(),
                null));
    return Replies.ephemeral(ctx, confirmation(declaration));
  }

  private String confirmation(Declaration declaration) {
    Incident incident = declaration.incident();
    String what =
        "*"
            + (incident.drill() ? "[DRILL] " : "")
            + incident.severity().label()
            + ": "
            + Mrkdwn.escape(incident.title())
            + "*";
    if (!declaration.created()) {
      return rooms
          .channelOf(incident.id())
          .map(c -> ":information_source: " + what + " was already declared: " + Mrkdwn.channel(c))
          .orElse(
              ":information_source: " + what + " was already declared; its war room is opening.");
    }
    return ":rotating_light: Declared "
        + what
        + ". The war room is opening and you will be invited in a moment. First step: someone"
        + " takes command with the card's *Take command* button.";
  }
}
