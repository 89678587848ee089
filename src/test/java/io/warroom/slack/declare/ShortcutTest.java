package io.warroom.slack.declare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.warroom.fakeslack.AppLink;
import io.warroom.fakeslack.FakeSlack;
import io.warroom.fakeslack.Faults.Fault;
import io.warroom.slack.SlackIds;
import io.warroom.support.Room;
import io.warroom.support.TestApp;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The "Declare incident" message shortcut and the global "Declare an incident", sent as Slack sends
 * them ({@code message_action} and {@code shortcut} payloads, signed, with a trigger that
 * views.open takes once), against Warroom and a fake Slack.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ShortcutTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private FakeSlack slack;
  private TestApp app;
  private String alice;
  private String general;

  @BeforeAll
  void start() {
    slack = FakeSlack.start(TestApp.BOT_TOKEN, TestApp.SIGNING_SECRET);
    alice = slack.user("alice");
    general = slack.channel("general", false, alice, alice);
    app = TestApp.start(slack, TestApp.inMemoryDatabase(), Map.of());
  }

  @AfterAll
  void stop() {
    app.close();
  }

  private FakeSlack.Modal shortcut(String channel, String ts) {
    int before = slack.modals(alice).size();
    AppLink.Reply reply =
        slack.app().messageShortcut(alice, channel, ts, SlackIds.DECLARE_FROM_MESSAGE);
    assertEquals(200, reply.status(), reply.body());
    TestApp.await("the Declare modal", () -> slack.modals(alice).size() == before + 1);
    return slack.modals(alice).get(before);
  }

  private static String initialTitle(FakeSlack.Modal modal) {
    for (JsonNode block : modal.view().path("blocks")) {
      if (block.path("block_id").asText().equals(SlackIds.DECLARE_TITLE)) {
        return block.path("element").path("initial_value").asText("");
      }
    }
    throw new AssertionError("no title input in " + modal.view());
  }

  @Test
  void aMessageBecomesAnIncidentLinkedBothWays() {
    String ts =
        slack.post(
            alice,
            general,
            "Checkout is throwing 500s for <@" + alice + "> and everyone\nsee the graph",
            null);
    FakeSlack.Modal modal = shortcut(general, ts);
    assertEquals(SlackIds.DECLARE_VIEW, modal.callbackId());
    // A mention without a label reads as the user's id: Slack sends no name with it.
    assertEquals("Checkout is throwing 500s for @" + alice + " and everyone", initialTitle(modal));
    String link = "archives/" + general + "/p" + ts.replace(".", "");
    assertTrue(modal.view().toString().contains(link), modal.view().toString());

    Map<String, String> form = new HashMap<>();
    form.put(SlackIds.DECLARE_TITLE, initialTitle(modal));
    form.put(SlackIds.DECLARE_SEVERITY, "SEV2");
    assertEquals(200, slack.app().submit(alice, modal.id(), form).status());
    Room room = Room.awaitContaining(slack, "checkout-is-throwing-500s");
    TestApp.await(
        "the war room links the message",
        () ->
            room.botMessages().stream()
                .anyMatch(
                    m -> m.allText().contains("Declared from") && m.allText().contains(link)));
    TestApp.await(
        "the message's thread links the war room",
        () ->
            slack.messages(general).stream()
                .anyMatch(
                    m -> m.byBot() && ts.equals(m.threadTs()) && m.allText().contains(room.id)));
    // Submitting the same modal again (a double click) declares nothing more and replies once.
    slack.reopenModal(modal.id());
    slack.app().submit(alice, modal.id(), form);
    assertEquals(
        1,
        slack.messages(general).stream().filter(m -> m.byBot() && ts.equals(m.threadTs())).count());
  }

  @Test
  void anAlertBotsMessageIsTitledByItsTextAndOneWithoutTextAsksForATitle() {
    String alert =
        slack.postAsOtherBot(
            general, "B0ALERTS", "alertmanager", "[FIRING:1] HighErrorRate checkout");
    assertEquals("[FIRING:1] HighErrorRate checkout", initialTitle(shortcut(general, alert)));

    String file = slack.postFile(alice, general, "trace.txt", "trace.txt", null);
    FakeSlack.Modal empty = shortcut(general, file);
    assertEquals("", initialTitle(empty));
    assertTrue(
        empty.view().toString().contains("The message has no text"), empty.view().toString());
    // An empty title is refused in the modal, as for any declaration.
    Map<String, String> form = Map.of(SlackIds.DECLARE_SEVERITY, "SEV3");
    slack.app().submit(alice, empty.id(), form);
    TestApp.await(
        "the modal says a title is needed",
        () ->
            slack.modals(alice).stream()
                .anyMatch(m -> m.id().equals(empty.id()) && m.errors() != null && m.open()));
  }

  @Test
  void inAPrivateChannelWithoutTheBotTheIncidentIsDeclaredAndTheThreadLeftAlone() {
    String secret = slack.channel("secret-team", true, alice, alice);
    String ts = slack.post(alice, secret, "Login is failing for SSO users", null);
    FakeSlack.Modal modal = shortcut(secret, ts);
    Map<String, String> form = new HashMap<>();
    form.put(SlackIds.DECLARE_TITLE, initialTitle(modal));
    form.put(SlackIds.DECLARE_SEVERITY, "SEV3");
    slack.app().submit(alice, modal.id(), form);
    Room room = Room.awaitContaining(slack, "login-is-failing-for-sso-users");
    TestApp.await(
        "the war room links the message",
        () -> room.botMessages().stream().anyMatch(m -> m.allText().contains("Declared from")));
    assertFalse(slack.members(secret).contains(slack.botUserId()), "the bot did not get in");
    assertTrue(slack.messages(secret).stream().noneMatch(FakeSlack.Posted::byBot));
  }

  @Test
  void theGlobalShortcutOpensAnEmptyDeclareModal() {
    int before = slack.modals(alice).size();
    assertEquals(200, slack.app().globalShortcut(alice, SlackIds.DECLARE_SHORTCUT).status());
    TestApp.await("the Declare modal", () -> slack.modals(alice).size() == before + 1);
    FakeSlack.Modal modal = slack.modals(alice).get(before);
    assertEquals(SlackIds.DECLARE_VIEW, modal.callbackId());
    assertEquals("", initialTitle(modal));
    assertEquals("", modal.view().path("private_metadata").asText(""));
  }

  @Test
  void whenSlackWillNotOpenTheModalTheUserIsToldPrivately() {
    String ts = slack.post(alice, general, "Search is slow", null);
    slack.faults().inject("views.open", 1, Fault.error("expired_trigger_id"));
    slack.app().messageShortcut(alice, general, ts, SlackIds.DECLARE_FROM_MESSAGE);
    TestApp.await(
        "an ephemeral reply",
        Duration.ofSeconds(10),
        () ->
            slack.ephemerals(alice).stream()
                .anyMatch(w -> w.text().contains("Slack did not open the Declare form")));
  }

  /** The fake Slack sends at least every field of Slack's own recorded payloads. */
  @Test
  void theShortcutPayloadsHaveSlacksShape() throws Exception {
    String ts = slack.post(alice, general, "A message", null);
    JsonNode message =
        payload(slack.app().messageShortcutBody(alice, general, ts, SlackIds.DECLARE_FROM_MESSAGE));
    JsonNode global = payload(slack.app().globalShortcutBody(alice, SlackIds.DECLARE_SHORTCUT));
    assertCovers(recorded("MessageShortcutTest__realPayload.json"), message, "");
    assertCovers(recorded("GlobalShortcutTest__realPayload.json"), global, "");
    assertEquals("message_action", message.get("type").asText());
    assertEquals("shortcut", global.get("type").asText());
  }

  private static JsonNode payload(String form) throws Exception {
    String encoded = form.substring("payload=".length());
    return JSON.readTree(URLDecoder.decode(encoded, StandardCharsets.UTF_8));
  }

  private static JsonNode recorded(String name) throws Exception {
    try (InputStream in =
        ShortcutTest.class.getResourceAsStream("/slack/bolt-test-payloads/" + name)) {
      return JSON.readTree(in);
    }
  }

  private static void assertCovers(JsonNode slacks, JsonNode ours, String at) {
    if (!slacks.isObject()) {
      return;
    }
    Set<String> missing = new TreeSet<>();
    for (Iterator<String> it = slacks.fieldNames(); it.hasNext(); ) {
      String field = it.next();
      if (field.equals("blocks") || field.equals("client_msg_id")) {
        continue; // the message's own content: a user's typed message has them, ours need not
      }
      if (!ours.has(field)) {
        missing.add(at + field);
      } else {
        assertCovers(slacks.get(field), ours.get(field), at + field + ".");
      }
    }
    assertTrue(missing.isEmpty(), "missing " + missing + " in " + ours);
  }
}
