package io.warroom.slack;

import com.slack.api.bolt.App;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.response.auth.AuthTestResponse;
import io.micronaut.context.annotation.Context;
import io.warroom.chat.ChatFailure;
import io.warroom.config.StartupProblem;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who the bot is, asked of Slack at start-up ({@code auth.test}). A token Slack refuses stops
 * start-up; a Slack that cannot be reached does not, since Warroom must come up during an outage.
 */
@Context
class SlackIdentity {

  private static final Logger LOG = LoggerFactory.getLogger(SlackIdentity.class);
  private static final Set<String> BAD_TOKEN =
      Set.of("invalid_auth", "not_authed", "account_inactive", "token_revoked", "token_expired");

  private final MethodsClient methods;
  private final SlackCalls calls;
  private volatile String botUserId;
  private volatile String workspaceUrl;

  SlackIdentity(MethodsClient methods, SlackCalls calls, SlackSettings settings, App app) {
    this.methods = methods;
    this.calls = calls;
    try {
      lookUp();
      // Bolt would otherwise set itself up (and call auth.test) on the first request.
      app.start();
      LOG.info("Connected to Slack at {} as bot user {}", settings.apiUrl(), botUserId);
    } catch (ChatFailure failure) {
      String error = failure.getMessage().substring(failure.getMessage().indexOf(':') + 1).trim();
      if (BAD_TOKEN.contains(error)) {
        throw new StartupProblem(
            "SLACK_BOT_TOKEN was refused by Slack ("
                + error
                + "); copy the Bot User OAuth Token"
                + " from the app's OAuth & Permissions page");
      }
      LOG.warn(
          "Slack is not reachable at {} yet ({}); Warroom starts anyway and will retry",
          settings.apiUrl(),
          failure.getMessage());
    }
  }

  /** The bot's own user id. */
  String botUserId() {
    if (botUserId == null) {
      lookUp();
    }
    return botUserId;
  }

  /** The workspace's address, e.g. {@code https://acme.slack.com/}, for permalinks. */
  String workspaceUrl() {
    if (workspaceUrl == null) {
      lookUp();
    }
    return workspaceUrl;
  }

  private void lookUp() {
    AuthTestResponse r = calls.call("auth.test", true, () -> methods.authTest(req -> req));
    botUserId = r.getUserId();
    String url = r.getUrl() == null ? "https://slack.com/" : r.getUrl();
    workspaceUrl = url.endsWith("/") ? url : url + "/";
  }
}
