package io.warroom.slack.roles;

import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.response.Response;
import com.slack.api.methods.response.users.UsersInfoResponse;
import io.warroom.chat.Mrkdwn;
import io.warroom.handover.BeingTried;
import io.warroom.handover.Handovers;
import io.warroom.incident.Refusal;
import io.warroom.slack.MentionArg;
import io.warroom.slack.SlackText;
import io.warroom.slack.inbound.CommandCall;
import io.warroom.slack.inbound.CommandListener;
import io.warroom.slack.inbound.CommandSpec;
import io.warroom.slack.inbound.Replies;
import io.warroom.slack.webapi.AfterAck;
import jakarta.inject.Singleton;
import java.util.List;

/**
 * {@code /incident handoff <@user>}: the IC opens the Handover modal. Anyone else, a handoff to the
 * IC themselves, to nobody or to a bot gets a private answer and nothing changes.
 */
@Singleton
class HandoffCommandListener implements CommandListener {

  static final CommandSpec SPEC =
      CommandSpec.inIncidentChannel(
              "handoff",
              "handoff <@user>",
              "hand command over with a note; they become IC when they accept")
          .withExample("handoff @user")
          .withAliases("handover");

  private static final String EXAMPLE = "`/incident handoff @bob`";

  private final Handovers handovers;
  private final BeingTried beingTried;
  private final AfterAck afterAck;

  HandoffCommandListener(Handovers handovers, BeingTried beingTried, AfterAck afterAck) {
    this.handovers = handovers;
    this.beingTried = beingTried;
    this.afterAck = afterAck;
  }

  @Override
  public CommandSpec spec() {
    return SPEC;
  }

  @Override
  public Response handle(CommandCall call, SlashCommandContext ctx) {
    long incidentId = call.incidentId();
    String word = SlackText.firstWord(call.args())[0];
    if (word.isBlank()) {
      throw new Refusal("Say who takes over: " + EXAMPLE);
    }
    String to = MentionArg.user(word, call.userId(), EXAMPLE);
    if (to.equals(ctx.getBotUserId()) || to.equals("USLACKBOT")) {
      throw new Refusal(botRefusal(to));
    }
    handovers.checkOffer(incidentId, call.userId(), to);
    List<String> tried = beingTried.lines(incidentId);
    afterAck.runWithTrigger(
        "Opening the Handover modal",
        () -> {
          UsersInfoResponse who = ctx.client().usersInfo(r -> r.user(to));
          if (who.isOk() && who.getUser() != null && who.getUser().isBot()) {
            return Replies.warnLater(ctx, botRefusal(to));
          }
          if (who.isOk() && who.getUser() != null && who.getUser().isDeleted()) {
            return Replies.warnLater(
                ctx, Mrkdwn.user(to) + " has left the workspace. Hand command to someone here.");
          }
          return ctx.client()
              .viewsOpen(
                  r ->
                      r.triggerId(call.triggerId())
                          .view(HandoverModal.view(incidentId, to, tried)));
        },
        error ->
            Replies.warnLater(
                ctx,
                Replies.formNotOpened(
                    "Handover", error, "Type `/incident handoff` again in a moment.")));
    return ctx.ack();
  }

  private static String botRefusal(String to) {
    return Mrkdwn.user(to)
        + " is a bot, and only a person can command an incident. Hand command to a person: "
        + EXAMPLE;
  }
}
