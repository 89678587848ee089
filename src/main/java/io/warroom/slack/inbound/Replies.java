package io.warroom.slack.inbound;

import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.response.Response;
import com.slack.api.webhook.WebhookResponse;
import io.warroom.chat.Mrkdwn;
import io.warroom.slack.webapi.BlockKitRenderer;
import java.io.IOException;
import java.io.UncheckedIOException;

/** Answers only the user who typed the command sees: in the ack, or after it. */
public final class Replies {

  private Replies() {}

  /** A message only the person who typed the command sees. */
  public static Response ephemeral(SlashCommandContext ctx, String mrkdwn) {
    return ctx.ack(r -> r.responseType("ephemeral").text(mrkdwn));
  }

  /** A refusal: what was wrong and what to type instead. */
  public static Response refuse(SlashCommandContext ctx, String mrkdwn) {
    return ephemeral(ctx, ":warning: " + mrkdwn);
  }

  /**
   * A warning only the person who typed the command sees, sent after the ack through the command's
   * response URL, on the calling thread.
   */
  public static WebhookResponse warnLater(SlashCommandContext ctx, String mrkdwn) {
    try {
      return ctx.respond(r -> r.responseType("ephemeral").text(":warning: " + mrkdwn));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Why a form the user asked for is not open, and what to do instead: Slack refused to open it
   * (its error, an HTTP status, or no answer).
   */
  public static String formNotOpened(String form, String error, String instead) {
    return "Slack did not open the " + form + " form (`" + Mrkdwn.escape(error) + "`). " + instead;
  }

  /** A message with blocks (buttons too) that only the person who typed the command sees. */
  public static Response ephemeral(SlashCommandContext ctx, io.warroom.chat.ChatMessage message) {
    return ctx.ack(
        r ->
            r.responseType("ephemeral")
                .text(message.text())
                .blocks(BlockKitRenderer.blocks(message)));
  }
}
