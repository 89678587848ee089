package io.warroom.slack.record;

import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.response.Response;
import io.warroom.incident.Refusal;
import io.warroom.output.UserText;
import io.warroom.redaction.Redactions;
import io.warroom.room.delivery.WarRoomSync;
import io.warroom.slack.inbound.CommandCall;
import io.warroom.slack.inbound.CommandListener;
import io.warroom.slack.inbound.CommandSpec;
import io.warroom.slack.inbound.Replies;
import jakarta.inject.Singleton;

/**
 * {@code /incident redact <text>}: removes a secret someone pasted into a note, update or task from
 * what Warroom stored and from its own posts (SPEC sections 4 and 16). The command's text is never
 * shown in the channel, and the answer does not repeat it.
 */
@Singleton
class RedactCommandListener implements CommandListener {

  static final CommandSpec SPEC =
      CommandSpec.inIncidentChannel(
          "redact", "redact <text>", "remove a secret from Warroom's posts and store");

  private final Redactions redactions;
  private final WarRoomSync rooms;

  RedactCommandListener(Redactions redactions, WarRoomSync rooms) {
    this.redactions = redactions;
    this.rooms = rooms;
  }

  @Override
  public CommandSpec spec() {
    return SPEC;
  }

  @Override
  public Response handle(CommandCall call, SlashCommandContext ctx) {
    long incidentId = call.incidentId();
    // As typed: Slack escapes &, < and >; mentions and links stay as Slack wrote them.
    String secret = UserText.decode(call.args()).strip();
    if (secret.length() < Redactions.MIN_LENGTH) {
      throw new Refusal(
          "Type the exact text to remove, at least "
              + Redactions.MIN_LENGTH
              + " characters: `/incident redact <text>`.");
    }
    Redactions.Result result = redactions.redact(incidentId, secret, call.userId());
    rooms.kick(incidentId); // the updates of Warroom's posts are queued; deliver them now
    if (!result.any()) {
      return Replies.ephemeral(
          ctx,
          "Nothing Warroom stored or posted for this incident contains that text, so nothing"
              + " changed. (Messages people posted themselves are theirs to edit or delete.)");
    }
    return Replies.ephemeral(
        ctx,
        ":white_check_mark: Removed it from "
            + result.stored()
            + (result.stored() == 1 ? " stored value" : " stored values")
            + " and "
            + result.posts()
            + (result.posts() == 1 ? " of Warroom's posts" : " of Warroom's posts")
            + ". The timeline records that a redaction was made, not what.");
  }
}
