package io.warroom.slack.inbound;

import static com.slack.api.bolt.middleware.MiddlewareOps.isNoAuthRequiredRequest;
import static com.slack.api.bolt.middleware.MiddlewareOps.isNoTokenRequiredRequest;

import com.slack.api.bolt.context.Context;
import com.slack.api.bolt.middleware.Middleware;
import com.slack.api.bolt.middleware.MiddlewareChain;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.response.Response;
import io.warroom.slack.webapi.SlackIdentity;

/**
 * Bolt's authorization for Warroom's one workspace, with no Web API call on the way to the ack: the
 * bot token from the settings, and who the bot is from {@link SlackIdentity} once Slack has said.
 * Bolt's own {@code SingleTeamAuthorization} asks {@code auth.test} before handling a request when
 * it has no answer yet (Bolt then answers 500 while Slack's Web API hangs). Until Slack has said,
 * requests go on without the bot's user and bot ids, which only the filtering of the bot's own
 * events uses.
 */
public final class BotAuthorization implements Middleware {

  private final String botToken;
  private final SlackIdentity identity;

  public BotAuthorization(String botToken, SlackIdentity identity) {
    this.botToken = botToken;
    this.identity = identity;
  }

  @Override
  public Response apply(Request req, Response resp, MiddlewareChain chain) throws Exception {
    if (isNoAuthRequiredRequest(req.getRequestType()) || isNoTokenRequiredRequest(req)) {
      return chain.next(req);
    }
    Context context = req.getContext();
    context.setBotToken(botToken);
    identity
        .known()
        .ifPresent(
            auth -> {
              context.setAuthTestResponse(auth);
              context.setBotUserId(auth.getUserId());
              context.setBotId(auth.getBotId());
              context.setTeamId(auth.getTeamId());
              context.setEnterpriseId(auth.getEnterpriseId());
            });
    return chain.next(req);
  }
}
