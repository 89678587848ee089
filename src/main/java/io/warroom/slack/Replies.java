package io.warroom.slack;

import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.response.Response;

/** Acks that answer the user privately. */
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
}
