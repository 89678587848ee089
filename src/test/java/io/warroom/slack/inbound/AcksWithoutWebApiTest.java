package io.warroom.slack.inbound;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.warroom.fakeslack.ApiCall;
import io.warroom.fakeslack.AppLink;
import io.warroom.fakeslack.EventDelivery;
import io.warroom.fakeslack.FakeSlack;
import io.warroom.fakeslack.Faults.Fault;
import io.warroom.room.WarRooms;
import io.warroom.support.Room;
import io.warroom.support.TestApp;
import io.warroom.timeline.Timeline;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Slack's Web API can hang while its slash commands and events still arrive. Answering a request
 * must never wait for the Web API: not for {@code auth.test} (who the bot is), neither after
 * start-up nor when Slack did not answer it at start-up, and not for {@code bots.info} (who posted
 * a message).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AcksWithoutWebApiTest {

  private FakeSlack slack;
  private TestApp app;
  private String alice;
  private String general;

  @BeforeAll
  void start() {
    app = TestApp.start();
    slack = app.slack;
    alice = slack.user("alice");
    general = slack.channel("general", false, alice, alice);
  }

  @AfterAll
  void stop() {
    slack.faults().clear();
    app.close();
  }

  @Test
  void theFirstRequestsAreAckedWhileAuthTestHangs() {
    int checksAtStartUp = slack.calls("auth.test").size();
    slack.faults().always("auth.test", Fault.timeout(Duration.ofSeconds(30)));

    long started = System.nanoTime();
    AppLink.Reply help = slack.app().command(alice, general, "help");
    AppLink.Reply declared = slack.app().command(alice, general, "declare sev2 Queue backlog");
    long millis = (System.nanoTime() - started) / 1_000_000;

    assertEquals(200, help.status());
    assertTrue(help.text().contains("/incident declare"), help.text());
    assertEquals(200, declared.status());
    assertTrue(declared.text().contains("Declared *SEV2: Queue backlog*"), declared.text());
    assertTrue(millis < 3000, "both acked in " + millis + " ms");
    assertEquals(checksAtStartUp, slack.calls("auth.test").size(), "no auth.test per request");
  }

  @Test
  void startsAcksAndCatchesUpWhenAuthTestHangsAtStartUp() {
    FakeSlack down = FakeSlack.start(TestApp.BOT_TOKEN, TestApp.SIGNING_SECRET);
    String bob = down.user("bob");
    String ops = down.channel("ops", false, bob, bob);

    long started = System.nanoTime();
    try (TestApp late = startWhileAuthTestHangs(down, TestApp.BOT_TOKEN)) {
      long startMillis = (System.nanoTime() - started) / 1_000_000;
      // Before, start-up waited out three auth.test attempts, and Bolt's first request a fourth.
      // One attempt alone takes 10 s here, far above a start on a slow machine (about 5 s).
      assertTrue(startMillis < 8000, "started in " + startMillis + " ms");

      long sent = System.nanoTime();
      AppLink.Reply declared = down.app().command(bob, ops, "declare sev1 Token check hangs");
      long ackMillis = (System.nanoTime() - sent) / 1_000_000;
      assertEquals(200, declared.status(), declared.body());
      assertTrue(declared.text().contains("Declared *SEV1: Token check hangs*"), declared.text());
      assertTrue(ackMillis < 3000, "acked in " + ackMillis + " ms");
      assertTrue(down.calls("auth.test").stream().noneMatch(ApiCall::ok), "Slack never answered");

      down.faults().clear();
      TestApp.await(
          "auth.test answered",
          Duration.ofSeconds(30),
          () -> down.calls("auth.test").stream().anyMatch(ApiCall::ok));
      Room room = Room.awaitContaining(down, "token-check-hangs");
      assertTrue(room.members().contains(bob), "declarer invited");
    }
  }

  @Test
  void aTokenRefusedAfterStartUpLeavesRequestsAcked() {
    FakeSlack down = FakeSlack.start(TestApp.BOT_TOKEN, TestApp.SIGNING_SECRET);
    String bob = down.user("bob");
    String ops = down.channel("ops", false, bob, bob);
    try (TestApp late = startWhileAuthTestHangs(down, "xoxb-revoked")) {
      down.faults().clear();
      TestApp.await(
          "auth.test refused",
          Duration.ofSeconds(30),
          () -> down.calls("auth.test").stream().anyMatch(c -> "invalid_auth".equals(c.error())));

      AppLink.Reply help = down.app().command(bob, ops, "help");
      assertEquals(200, help.status(), help.body());
      assertTrue(help.text().contains("/incident declare"), help.text());
    }
  }

  @Test
  void anotherAppsPostIsAckedAndRecordedWithoutAskingSlackWhoPostedIt() {
    slack.app().command(alice, general, "declare sev2 Alert storm");
    Room room = Room.awaitContaining(slack, "alert-storm");
    long incident = app.bean(WarRooms.class).incidentIn(room.id).orElseThrow();
    slack.awaitEvents(Duration.ofSeconds(10));
    int before = slack.eventDeliveries().size();
    // Bolt's own filter asked bots.info who a bot_id belongs to before acking.
    slack.faults().always("bots.info", Fault.timeout(Duration.ofSeconds(30)));
    try {
      String alert = slack.postAsOtherBot(room.id, "B0PAGERDUTY", "PagerDuty", "5xx above 20%");
      String own = slack.postAsOtherBot(room.id, slack.botId(), "Warroom", "Warroom's own post");
      slack.awaitEvents(Duration.ofSeconds(30));

      List<EventDelivery> attempts =
          slack.eventDeliveries().subList(before, slack.eventDeliveries().size());
      assertEquals(2, attempts.size(), "each acked at the first attempt: " + attempts);
      assertTrue(
          attempts.stream().allMatch(a -> a.status() == 200 && a.millis() < 3000),
          attempts.toString());
      assertEquals(0, slack.calls("bots.info").size(), "no bots.info on the way to the ack");
      Timeline timeline = app.bean(Timeline.class);
      TestApp.await(
          "the alert recorded",
          () -> timeline.all(incident).stream().anyMatch(e -> alert.equals(e.ts())));
      assertTrue(
          timeline.all(incident).stream().noneMatch(e -> own.equals(e.ts())),
          "a post with Warroom's bot id is Warroom's own, not a message");
    } finally {
      slack.faults().clear();
    }
  }

  /**
   * A proxy's error page instead of Slack's JSON made the SDK throw what the thread that asks
   * {@code auth.test} did not catch: it died, and no war room was ever built until a restart.
   */
  @Test
  void keepsAskingWhenAuthTestAnswersWithSomethingOtherThanJson() {
    FakeSlack down = FakeSlack.start(TestApp.BOT_TOKEN, TestApp.SIGNING_SECRET);
    String bob = down.user("bob");
    String ops = down.channel("ops", false, bob, bob);
    try (TestApp late = start(down, TestApp.BOT_TOKEN, Fault.notJson())) {
      AppLink.Reply declared = down.app().command(bob, ops, "declare sev1 Proxy page");
      assertEquals(200, declared.status(), declared.body());
      TestApp.await(
          "auth.test answered with a page",
          () -> down.calls("auth.test").stream().anyMatch(c -> "not_json".equals(c.error())));

      down.faults().clear();
      Room room = Room.awaitContaining(down, "proxy-page");
      assertTrue(room.members().contains(bob), "declarer invited");
    }
  }

  /**
   * A Warroom with this token, started while Slack's {@code auth.test} hangs; it waits 1 s for it,
   * and each attempt gives up after 10 s.
   */
  private static TestApp startWhileAuthTestHangs(FakeSlack down, String botToken) {
    return start(down, botToken, Fault.timeout(Duration.ofSeconds(30)), "10s");
  }

  /** A Warroom with this token, started while {@code auth.test} fails so; waits 1 s for it. */
  private static TestApp start(FakeSlack down, String botToken, Fault authTestFault) {
    return start(down, botToken, authTestFault, "1s");
  }

  private static TestApp start(
      FakeSlack down, String botToken, Fault authTestFault, String httpTimeout) {
    down.faults().always("auth.test", authTestFault);
    return TestApp.start(
        down,
        TestApp.inMemoryDatabase(),
        Map.of(
            "slack.bot-token", botToken,
            "warroom.slack.identity-wait", "1s",
            "slack.http-timeout", httpTimeout));
  }
}
