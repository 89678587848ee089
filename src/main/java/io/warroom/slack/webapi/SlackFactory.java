package io.warroom.slack.webapi;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.methods.MethodsClient;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import io.warroom.chat.ChatPort;
import io.warroom.slack.SlackSettings;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;

/**
 * Builds Bolt's Slack client, pointed at {@code SLACK_API_URL}, the client Warroom's own calls go
 * through, and the chat port on it. The Bolt app that receives requests is built in {@code
 * slack.inbound} ({@code BoltAppFactory}).
 */
@Factory
public class SlackFactory {

  private Slack slack;

  @Singleton
  Slack slack(
      SlackSettings settings, @Value("${slack.strict-responses:false}") boolean strictResponses) {
    SlackConfig config = new SlackConfig();
    // Tests turn this on so a fake Slack that invents a response field fails loudly.
    config.setFailOnUnknownProperties(strictResponses);
    config.setMethodsEndpointUrlPrefix(settings.apiUrl());
    int timeout = (int) settings.httpTimeout().toMillis();
    config.setHttpClientReadTimeoutMillis(timeout);
    config.setHttpClientWriteTimeoutMillis(timeout);
    config.setHttpClientCallTimeoutMillis(timeout + 1000);
    // Bolt's metrics would call auth.test before the first call and start threads we do not use.
    config.setStatsEnabled(false);
    config.setPrettyResponseLoggingEnabled(false);
    slack = Slack.getInstance(config);
    return slack;
  }

  /** The client Warroom's own calls go through; Bolt's listeners keep {@code ctx.client()}. */
  @Singleton
  MethodsClient methods(Slack slack, SlackSettings settings) {
    return new SharedGsonMethodsClient(slack.getHttpClient(), settings.botToken().orElseThrow());
  }

  @Singleton
  ChatPort chat(MethodsClient methods, SlackCalls calls, SlackIdentity identity) {
    return new SlackChat(methods, calls, identity::botUserId, identity::workspaceUrl);
  }

  @PreDestroy
  void close() throws Exception {
    if (slack != null) {
      slack.close();
    }
  }
}
