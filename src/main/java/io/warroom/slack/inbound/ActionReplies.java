package io.warroom.slack.inbound;

import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.webhook.WebhookResponse;
import io.warroom.slack.webapi.AfterAck;
import java.io.IOException;
import java.io.UncheckedIOException;

/** Private answers to button presses, sent after the ack through the response URL. */
public final class ActionReplies {

  private ActionReplies() {}

  /** Tells only the person who pressed why nothing happened. */
  public static void refuse(ActionContext ctx, AfterAck afterAck, String mrkdwn) {
    afterAck.run("Telling the user why their click changed nothing", () -> warn(ctx, mrkdwn));
  }

  /**
   * Tells only the person who pressed, at once, on the calling thread (one already after the ack).
   */
  public static WebhookResponse warn(ActionContext ctx, String mrkdwn) {
    try {
      return ctx.respond(
          r -> r.responseType("ephemeral").replaceOriginal(false).text(":warning: " + mrkdwn));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
