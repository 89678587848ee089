package io.warroom.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.warroom.sandbox.AppLink;
import io.warroom.sandbox.FakeSlack;
import io.warroom.sandbox.Faults.Fault;
import io.warroom.support.TestApp;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Slack's Web API can hang while its slash commands still arrive. Bolt checks the bot token with
 * {@code auth.test} at start-up; answering a request must never wait for that check again.
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
}
