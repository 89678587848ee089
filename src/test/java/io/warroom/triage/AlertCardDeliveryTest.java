package io.warroom.triage;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.warroom.fakeslack.FakeSlack;
import io.warroom.fakeslack.Faults.Fault;
import io.warroom.fakeslack.SlackSimulator.Posted;
import io.warroom.support.AlertPayloads;
import io.warroom.support.TestApp;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * An accepted alert's card appears, once, whatever Slack or the process does meanwhile: 500s, 429,
 * a post whose answer was lost, a restart, two replicas drawing cards from one database.
 */
class AlertCardDeliveryTest {

  static final String TOKEN = "integration-token-delivery";

  private static Map<String, Object> settings(String channel) {
    Map<String, Object> s = new HashMap<>();
    s.put("warroom.integration-token", TOKEN);
    s.put("warroom.alerts.channel", channel);
    return s;
  }

  private static void fire(TestApp app, String name) {
    AlertPayloads.send(
        app.url("/"),
        TOKEN,
        AlertPayloads.alert(
            AlertPayloads.group("{}:{alertname=\"" + name + "\"}", "firing", Map.of()),
            "firing",
            Map.of("alertname", name, "severity", "warning"),
            Map.of(),
            "2026-12-06T02:47:00Z"));
  }

  private static List<Posted> cards(FakeSlack slack, String channel, String name) {
    return slack.messages(channel).stream()
        .filter(Posted::byBot)
        .filter(m -> m.allText().contains("alertname=" + name))
        .toList();
  }

  @Test
  void slackErrorsAndALostAnswerStillGiveExactlyOneCard() {
    FakeSlack slack = FakeSlack.start(TestApp.BOT_TOKEN, TestApp.SIGNING_SECRET);
    String alice = slack.user("alice");
    String alerts = slack.channel("alerts", false, alice, alice);
    slack.join(slack.botUserId(), alerts);
    try (TestApp app = TestApp.start(slack, TestApp.inMemoryDatabase(), settings(alerts))) {
      slack.faults().inject("chat.postMessage", 2, Fault.serverError());
      slack.faults().inject("chat.postMessage", 1, Fault.rateLimited(Duration.ofSeconds(1)));
      fire(app, "Flaky500");
      TestApp.await(
          "the card after 500, 500, 429",
          Duration.ofSeconds(30),
          () -> cards(slack, alerts, "Flaky500").size() == 1);

      // Slack posts the card, then answers 500: the retry finds the post instead of posting again.
      slack.faults().inject("chat.postMessage", 1, Fault.serverErrorAfter());
      fire(app, "LostAnswer");
      TestApp.await(
          "the card whose answer was lost",
          Duration.ofSeconds(30),
          () -> cards(slack, alerts, "LostAnswer").size() == 1);
      TestApp.await(
          "the retry to finish",
          Duration.ofSeconds(30),
          () ->
              app.bean(TriageRepository.class).countBehind() == 0
                  && slack.faults().pending("chat.postMessage") == 0);
      assertEquals(1, cards(slack, alerts, "Flaky500").size());
      assertEquals(1, cards(slack, alerts, "LostAnswer").size(), "never posted twice");
    } finally {
      slack.close();
    }
  }

  @Test
  void aCardSlackRefusedUntilARestartAppearsAfterIt() {
    FakeSlack slack = FakeSlack.start(TestApp.BOT_TOKEN, TestApp.SIGNING_SECRET);
    String alice = slack.user("alice");
    String alerts = slack.channel("alerts", false, alice, alice);
    slack.join(slack.botUserId(), alerts);
    String db = TestApp.inMemoryDatabase();
    try {
      TestApp first = TestApp.start(slack, db, settings(alerts));
      slack.faults().always("chat.postMessage", Fault.serverError());
      fire(first, "BeforeRestart");
      TestApp.await("a refused try", () -> !slack.calls("chat.postMessage").isEmpty());
      first.stopApp();
      slack.faults().clear();
      assertEquals(0, cards(slack, alerts, "BeforeRestart").size());
      try (TestApp second = TestApp.start(slack, db, settings(alerts))) {
        TestApp.await(
            "the card after the restart",
            Duration.ofSeconds(30),
            () -> cards(slack, alerts, "BeforeRestart").size() == 1);
      }
    } finally {
      slack.close();
    }
  }

  @Test
  void twoReplicasPostEachCardOnce() {
    FakeSlack slack = FakeSlack.start(TestApp.BOT_TOKEN, TestApp.SIGNING_SECRET);
    String alice = slack.user("alice");
    String alerts = slack.channel("alerts", false, alice, alice);
    slack.join(slack.botUserId(), alerts);
    String db = TestApp.inMemoryDatabase();
    slack.latency(Duration.ofMillis(20), Duration.ofMillis(120));
    try (TestApp a = TestApp.start(slack, db, settings(alerts));
        TestApp b = TestApp.start(slack, db, settings(alerts))) {
      for (int i = 0; i < 12; i++) {
        fire(i % 2 == 0 ? a : b, "Replica" + i);
      }
      TestApp.await(
          "twelve cards",
          Duration.ofSeconds(40),
          () -> {
            for (int i = 0; i < 12; i++) {
              if (cards(slack, alerts, "Replica" + i + "`").isEmpty()) {
                return false;
              }
            }
            return true;
          });
      TestApp.await(
          "both replicas idle",
          Duration.ofSeconds(30),
          () -> a.bean(TriageRepository.class).countBehind() == 0);
      for (int i = 0; i < 12; i++) {
        assertEquals(1, cards(slack, alerts, "Replica" + i + "`").size(), "Replica" + i);
      }
    } finally {
      slack.close();
    }
  }
}
