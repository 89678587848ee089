package io.warroom.slack.capture;

import com.slack.api.bolt.context.builtin.EventContext;

/** Whether an event's author is Warroom's own bot. */
final class Own {

  private Own() {}

  static boolean isOwn(EventContext ctx, String user, String botId) {
    return (user != null && user.equals(ctx.getBotUserId()))
        || (botId != null && botId.equals(ctx.getBotId()));
  }
}
