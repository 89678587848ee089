package io.warroom.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.warroom.fakeslack.FakeSlack;
import io.warroom.support.TestApp;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A bad value stops start-up with a message that names the variable and says what is wanted. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadConfigurationTest {

  private FakeSlack slack;

  @BeforeAll
  void start() {
    slack = FakeSlack.start(TestApp.BOT_TOKEN, TestApp.SIGNING_SECRET);
  }

  @AfterAll
  void stop() {
    slack.close();
  }

  @ParameterizedTest(name = "{0}={1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "warroom.heartbeat.sev1|15x|WARROOM_HEARTBEAT_SEV1='15x' is not a duration",
        "warroom.heartbeat.sev2|-5m|WARROOM_HEARTBEAT_SEV2='-5m' is not a duration",
        "warroom.heartbeat.sev3|0s|WARROOM_HEARTBEAT_SEV3='0s' is not a duration",
        "warroom.scheduler-tick|off|WARROOM_SCHEDULER_TICK='off' is not a duration",
        "warroom.postmortem-due|two days|WARROOM_POSTMORTEM_DUE='two days' is not a duration",
        "warroom.ic-reminder|5 minutes|WARROOM_IC_REMINDER='5 minutes' is not a duration",
        "warroom.default-severity|SEV9|WARROOM_DEFAULT_SEVERITY='SEV9' is not SEV1, SEV2, SEV3 or SEV4",
        "warroom.channel-prefix|Inc!|WARROOM_CHANNEL_PREFIX='Inc!' must be 1-20 lowercase letters",
        "warroom.announce-channel|#incidents|WARROOM_ANNOUNCE_CHANNEL='#incidents' must be a channel ID",
        "slack.bot-token|xoxp-user-token|SLACK_BOT_TOKEN must be a bot token starting with xoxb-",
        "slack.bot-token|''|SLACK_BOT_TOKEN is set but empty. Set it to the bot token",
        "slack.app-token|xoxb-not-an-app-token|SLACK_APP_TOKEN must be an app-level token",
        "slack.signing-secret|''|SLACK_SIGNING_SECRET is required in HTTP mode",
        "slack.api-url|not a url|SLACK_API_URL='not a url' must be an http(s) URL",
        "slack.bot-token|xoxb-revoked|SLACK_BOT_TOKEN was refused by Slack (invalid_auth)",
        "warroom.log-format|xml|WARROOM_LOG_FORMAT='xml' must be text or json",
        "warroom.alerts.severity-map|critical=sev9|WARROOM_ALERTS_SEVERITY_MAP: 'critical=sev9' is not label=severity",
        "warroom.alerts.severity-map|critical=sev2,warning|WARROOM_ALERTS_SEVERITY_MAP: 'warning' is not label=severity",
        "warroom.webhook.urls|hooks.example.com/w|WARROOM_WEBHOOK_URLS: an entry is not an absolute http(s) URL",
        "warroom.webhook.urls|https://hooks.example.com/w|WARROOM_WEBHOOK_SECRET is required when WARROOM_WEBHOOK_URLS is set",
        "warroom.alerts.auto-declare|critical|WARROOM_ALERTS_AUTO_DECLARE: 'critical' is not a severity",
      })
  void stopsWithOneClearLine(String property, String value, String expected) {
    Map<String, Object> props = new HashMap<>();
    props.put("micronaut.server.port", -1);
    props.put("datasources.default.url", TestApp.inMemoryDatabase());
    props.put("slack.bot-token", TestApp.BOT_TOKEN);
    props.put("slack.signing-secret", TestApp.SIGNING_SECRET);
    props.put("slack.api-url", slack.apiUrl());
    props.put(property, value);
    Throwable failure =
        assertThrows(
            Throwable.class,
            () -> ApplicationContext.run(EmbeddedServer.class, props, "test").close());
    StartupProblem problem =
        StartupProblem.findIn(failure).orElseThrow(() -> new AssertionError(failure));
    assertTrue(problem.getMessage().startsWith(expected), problem.getMessage());
    assertEquals(1, problem.getMessage().lines().count(), "one line");
  }
}
