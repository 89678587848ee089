package io.warroom.slack;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import com.slack.api.methods.MethodsClient;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import io.warroom.chat.ChatPort;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;

/** Builds Bolt's Slack client and {@link App}, pointed at {@code SLACK_API_URL}. */
@Factory
class SlackFactory {

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

  @Singleton
  App app(SlackSettings settings, Slack slack, ListenerRegistrar registrar) {
    AppConfig config =
        AppConfig.builder()
            .signingSecret(settings.signingSecret().orElse(null))
            .singleTeamBotToken(settings.botToken().orElseThrow())
            .slack(slack)
            // Events we subscribe to but do not handle still get a 200, or Slack would retry them.
            .allEventsApiAutoAckEnabled(true)
            // Keep the auth.test answer from start-up for good. Bolt otherwise asks Slack again on
            // the first request and then every 10 minutes, before handling it: an ack that waits
            // on the Web API, and fails when Slack's API is down while its commands still arrive.
            .authTestCacheExpirationMillis(-1)
            .build();
    App app = new App(config);
    registrar.register(app);
    return app;
  }

  @Singleton
  MethodsClient methods(Slack slack, SlackSettings settings) {
    return slack.methods(settings.botToken().orElseThrow());
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
