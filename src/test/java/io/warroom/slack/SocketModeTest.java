package io.warroom.slack;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.warroom.sandbox.FakeSlack;
import io.warroom.support.FakeSocketMode;
import io.warroom.support.Room;
import io.warroom.support.TestApp;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** With SLACK_APP_TOKEN set, Slack's requests arrive over Socket Mode and work the same. */
class SocketModeTest {

  @Test
  void aDeclarationOverSocketModeOpensTheWarRoom() throws Exception {
    FakeSocketMode socket = new FakeSocketMode();
    socket.start();
    FakeSlack slack = FakeSlack.start(TestApp.BOT_TOKEN, TestApp.SIGNING_SECRET);
    slack.enableSocketMode("xapp-1-test-app-token", socket.url());
    String alice = slack.user("alice");
    String general = slack.channel("general", false, alice, alice);
    Map<String, Object> props = new HashMap<>();
    props.put("slack.app-token", "xapp-1-test-app-token");
    props.put("slack.signing-secret", "");
    try (TestApp app = TestApp.start(slack, TestApp.inMemoryDatabase(), props)) {
      assertTrue(socket.awaitConnected(10), "the app connected over Socket Mode");
      Map<String, String> form = new LinkedHashMap<>();
      form.put("token", "sandbox-verification-token");
      form.put("team_id", "T0SANDBOX1");
      form.put("team_domain", "warroom-sandbox");
      form.put("channel_id", general);
      form.put("channel_name", "general");
      form.put("user_id", alice);
      form.put("user_name", "alice");
      form.put("command", "/incident");
      form.put("text", "declare sev2 Socket mode outage");
      form.put("api_app_id", "A0WARROOM1");
      form.put("is_enterprise_install", "false");
      form.put("response_url", slack.apiUrl().replace("/api/", "/response/none"));
      form.put("trigger_id", slack.trigger(alice));
      JsonNode ack = socket.slashCommand(form);
      assertTrue(ack.toString().contains("Declared *SEV2: Socket mode outage*"), ack.toString());
      Room room = Room.awaitContaining(slack, "socket-mode-outage");
      assertTrue(room.members().contains(alice));
    } finally {
      socket.stop(1000);
    }
  }
}
