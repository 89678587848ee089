package io.warroom.slack;

import com.slack.api.bolt.context.builtin.ActionContext;

/** Private answers to button presses, sent after the ack through the response URL. */
public final class ActionReplies {

  private ActionReplies() {}

  /** Tells only the person who pressed why nothing happened. */
  public static void refuse(ActionContext ctx, AfterAck afterAck, String mrkdwn) {
    afterAck.run(
        "Telling the user why their click changed nothing",
        () ->
            ctx.respond(
                r ->
                    r.responseType("ephemeral")
                        .replaceOriginal(false)
                        .text(":warning: " + mrkdwn)));
  }
}
