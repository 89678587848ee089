package io.warroom.slack.inbound;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.slack.api.Slack;
import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import com.slack.api.bolt.middleware.Middleware;
import com.slack.api.bolt.middleware.builtin.SSLCheck;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Factory;
import io.warroom.slack.SlackSettings;
import io.warroom.slack.webapi.SlackIdentity;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;

/** Builds Bolt's {@link App}: its middleware and every listener, registered once. */
@Factory
class BoltAppFactory {

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
}
