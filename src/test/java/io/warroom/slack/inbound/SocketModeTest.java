package io.warroom.slack.inbound;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.warroom.config.StartupProblem;
import io.warroom.fakeslack.AppLink;
import io.warroom.fakeslack.FakeSlack;
import io.warroom.incident.IncidentRepository;
import io.warroom.support.FakeSocketMode;
import io.warroom.support.Room;
import io.warroom.support.TestApp;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** With SLACK_APP_TOKEN set, Slack's requests arrive over Socket Mode and work the same. */
class SocketModeTest {

  @Test
  void aDeclarationOverSocketModeOpensTheWarRoom() throws Exception {
    FakeSocketMode socket = new FakeSocketMode();
    socket.start();
    FakeSlack slack = FakeSlack.start(TestApp.BOT_TOKEN, TestApp.SIGNING_SECRET);
    String alice = slack.user("alice");
    String general = slack.channel("general", false, alice, alice);
    try (TestApp app = startInSocketMode(slack, socket)) {
      JsonNode ack =
          socket.slashCommand(
              slack.app().commandBody(alice, general, "declare sev2 Socket mode outage"));
      assertTrue(ack.toString().contains("Declared *SEV2: Socket mode outage*"), ack.toString());
      Room room = Room.awaitContaining(slack, "socket-mode-outage");
      assertTrue(room.members().contains(alice));
    } finally {
      socket.stop(1000);
    }
  }

  /**
   * Without a signing secret nothing over HTTP can be verified, so nothing over HTTP is taken:
   * before, Bolt was given a fixed stand-in secret, with which anyone reaching the port could sign.
   */
  @Test
  void withoutASigningSecretNothingIsTakenOverHttp() throws Exception {
    FakeSocketMode socket = new FakeSocketMode();
    socket.start();
    FakeSlack slack = FakeSlack.start(TestApp.BOT_TOKEN, TestApp.SIGNING_SECRET);
    try (TestApp app = startInSocketMode(slack, socket)) {
      for (String guess : new String[] {"-", TestApp.SIGNING_SECRET}) {
        FakeSlack forger = FakeSlack.start(TestApp.BOT_TOKEN, guess);
        String mallory = forger.user("mallory");
        String ops = forger.channel("ops", false, mallory, mallory);
        forger.connect(app.url("/slack/events"));
        AppLink.Reply reply = forger.app().command(mallory, ops, "declare sev1 Forged over HTTP");
        assertEquals(401, reply.status(), "signed with \"" + guess + "\": " + reply.body());
        forger.close();
      }
      assertEquals(0, app.bean(IncidentRepository.class).count(), "no incident was declared");
    } finally {
      socket.stop(1000);
    }
  }

  /**
   * A bot token Slack refuses stops start-up, and the app must not have opened the WebSocket first:
   * Slack would hand requests to a process that is about to exit, and count them as delivered.
   */
  @Test
  void aRefusedBotTokenStopsStartUpBeforeSocketModeConnects() throws Exception {
    FakeSocketMode socket = new FakeSocketMode();
    socket.start();
    FakeSlack slack = FakeSlack.start(TestApp.BOT_TOKEN, TestApp.SIGNING_SECRET);
    slack.enableSocketMode("xapp-1-test-app-token", socket.url());
    Map<String, Object> props = new HashMap<>();
    props.put("slack.app-token", "xapp-1-test-app-token");
    props.put("slack.signing-secret", "");
    props.put("slack.bot-token", "xoxb-revoked");
    try {
      RuntimeException stopped =
          assertThrows(
              RuntimeException.class,
              () -> TestApp.start(slack, TestApp.inMemoryDatabase(), props).close());
      assertTrue(
          StartupProblem.findIn(stopped)
              .map(p -> p.getMessage().contains("SLACK_BOT_TOKEN was refused"))
              .orElse(false),
          stopped.toString());
      assertFalse(socket.awaitConnected(2), "the WebSocket was opened before start-up stopped");
    } finally {
      socket.stop(1000);
      slack.close();
    }
  }

  /** A Warroom in Socket Mode, with no signing secret, connected to the fake socket. */
  private static TestApp startInSocketMode(FakeSlack slack, FakeSocketMode socket)
      throws InterruptedException {
    slack.enableSocketMode("xapp-1-test-app-token", socket.url());
    Map<String, Object> props = new HashMap<>();
    props.put("slack.app-token", "xapp-1-test-app-token");
    props.put("slack.signing-secret", "");
    TestApp app = TestApp.start(slack, TestApp.inMemoryDatabase(), props);
    assertTrue(socket.awaitConnected(10), "the app connected over Socket Mode");
    return app;
  }
}
