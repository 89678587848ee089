package io.warroom.slack;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import com.slack.api.bolt.middleware.Middleware;
import com.slack.api.bolt.middleware.builtin.SSLCheck;
import com.slack.api.methods.MethodsClient;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import io.warroom.chat.ChatPort;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;

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
  App app(
      SlackSettings settings,
      Slack slack,
      SlackIdentity identity,
      ObjectMapper json,
      ListenerRegistrar registrar,
      MeterRegistry meters) {
    String botToken = settings.botToken().orElseThrow();
    AppConfig config =
        AppConfig.builder()
            .signingSecret(settings.signingSecret().orElse(null))
            .singleTeamBotToken(botToken)
            .slack(slack)
            // Events we subscribe to but do not handle still get a 200, or Slack would retry them.
            .allEventsApiAutoAckEnabled(true)
            .build();
    App app = new App(config, slack, middleware(config, botToken, identity, json, meters));
    registrar.register(app);
    // Bolt would otherwise start itself on the first request.
    app.start();
    return app;
  }

  /**
   * Bolt's default middleware, but with {@link BotAuthorization} and {@link IgnoringOwnEvents}:
   * Bolt's own call {@code auth.test} or {@code bots.info} before handling some requests, so an ack
   * would wait on Slack's Web API, and fail while it hangs.
   */
  private static List<Middleware> middleware(
      AppConfig config,
      String botToken,
      SlackIdentity identity,
      ObjectMapper json,
      MeterRegistry meters) {
    List<Middleware> middleware = new ArrayList<>();
    middleware.add(new AckTimer(meters));
    middleware.add(new SSLCheck(config.getVerificationToken()));
    // No RequestVerification: SlackEventsController checks every signature over HTTP before Bolt
    // sees the request (in constant time, and refusing future timestamps, which Bolt's does not);
    // what arrives over Socket Mode carries none.
    middleware.add(new BotAuthorization(botToken, identity));
    middleware.add(new IgnoringOwnEvents(identity, json));
    return middleware;
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
