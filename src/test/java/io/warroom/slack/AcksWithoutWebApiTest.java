package io.warroom.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.warroom.sandbox.ApiCall;
import io.warroom.sandbox.AppLink;
import io.warroom.sandbox.FakeSlack;
import io.warroom.sandbox.Faults.Fault;
import io.warroom.support.Room;
import io.warroom.support.TestApp;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Slack's Web API can hang while its slash commands still arrive. Warroom asks {@code auth.test}
 * who the bot is; answering a request must never wait for that answer, neither after start-up nor
 * when Slack did not give it at start-up.
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
      assertTrue(startMillis < 3000, "started in " + startMillis + " ms");

      long sent = System.nanoTime();
      AppLink.Reply declared = down.app().command(bob, ops, "declare sev1 Token check hangs");
      long ackMillis = (System.nanoTime() - sent) / 1_000_000;
      assertEquals(200, declared.status(), declared.body());
      assertTrue(declared.text().contains("Declared *SEV1: Token check hangs*"), declared.text());
      assertTrue(ackMillis < 3000, "acked in " + ackMillis + " ms");
      assertTrue(down.calls("auth.test").stream().noneMatch(ApiCall::ok), "Slack never answered");

      down.faults().clear();
      Room room = Room.awaitContaining(down, "token-check-hangs");
      assertTrue(room.members().contains(bob), "declarer invited");
      TestApp.await(
          "auth.test answered",
          Duration.ofSeconds(20),
          () -> down.calls("auth.test").stream().anyMatch(ApiCall::ok));
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
          Duration.ofSeconds(20),
          () -> down.calls("auth.test").stream().anyMatch(c -> "invalid_auth".equals(c.error())));

      AppLink.Reply help = down.app().command(bob, ops, "help");
      assertEquals(200, help.status(), help.body());
      assertTrue(help.text().contains("/incident declare"), help.text());
    }
  }

  /** A Warroom with this token, started while Slack's {@code auth.test} hangs; waits 1 s for it. */
  private static TestApp startWhileAuthTestHangs(FakeSlack down, String botToken) {
    down.faults().always("auth.test", Fault.timeout(Duration.ofSeconds(30)));
    return TestApp.start(
        down,
        TestApp.inMemoryDatabase(),
        Map.of(
            "slack.bot-token", botToken,
            "warroom.slack.identity-wait", "1s",
            "slack.http-timeout", "1s"));
  }
}
