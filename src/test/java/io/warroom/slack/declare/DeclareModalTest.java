package io.warroom.slack.declare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.warroom.chat.ChatAction;
import io.warroom.fakeslack.AppLink;
import io.warroom.fakeslack.FakeSlack;
import io.warroom.fakeslack.Faults.Fault;
import io.warroom.slack.SlackIds;
import io.warroom.support.Room;
import io.warroom.support.TestApp;
import io.warroom.support.Whispers;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The Declare modal: what it creates, its validation, and double submissions. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DeclareModalTest {

  private FakeSlack slack;
  private TestApp app;
  private String alice;
  private String bob;
  private String dave;
  private String general;
  private String announce;

  @BeforeAll
  void start() {
    slack = FakeSlack.start(TestApp.BOT_TOKEN, TestApp.SIGNING_SECRET);
    alice = slack.user("alice");
    bob = slack.user("bob");
    dave = slack.user("dave");
    general = slack.channel("general", false, alice, alice, bob, dave);
    announce = slack.channel("incidents", false, alice, alice);
    app =
        TestApp.start(
            slack, TestApp.inMemoryDatabase(), Map.of("warroom.announce-channel", announce));
  }

  @AfterAll
  void stop() {
    app.close();
  }

  private String openModal() {
    int before = slack.modals(alice).size();
    slack.app().command(alice, general, "declare");
    TestApp.await("modal", () -> slack.modals(alice).size() == before + 1);
    return slack.modals(alice).get(before).id();
  }

  private static Map<String, String> form(String title, String severity) {
    Map<String, String> values = new HashMap<>();
    values.put(SlackIds.DECLARE_TITLE, title);
    values.put(SlackIds.DECLARE_SEVERITY, severity);
    return values;
  }

  @Test
  void aPrivateIncidentGetsAPrivateChannelItsCommanderAndASilentAnnouncement() {
    String view = openModal();
    Map<String, String> values = form("Leaked API keys in logs", "SEV1");
    values.put(SlackIds.DECLARE_AFFECTED, "Partner API keys visible in the log pipeline");
    values.put(SlackIds.DECLARE_COMMANDER, bob);
    values.put(SlackIds.DECLARE_OPTIONS, SlackIds.OPTION_PRIVATE);
    AppLink.Reply reply = slack.app().submit(alice, view, values);
    assertEquals(200, reply.status());
    assertFalse(
        slack.modals(alice).stream()
            .filter(m -> m.id().equals(view))
            .findFirst()
            .orElseThrow()
            .open(),
        "modal closed");

    Room room = Room.awaitContaining(slack, "leaked-api-keys-in-logs");
    assertTrue(slack.isPrivate(room.id));
    // The steps after the card run side by side: the invites and the topic may come last.
    TestApp.await(
        "declarer and commander invited, commander in the topic",
        () ->
            room.members().containsAll(java.util.Set.of(alice, bob))
                && room.topic().contains("IC: <@" + bob + ">"));
    assertTrue(room.card().allText().contains("Partner API keys visible in the log pipeline"));
    assertTrue(room.card().allText().contains("Private incident"));
    TestApp.await(
        "private announcement",
        () ->
            slack.messages(announce).stream()
                .anyMatch(m -> m.text().contains("A private incident was declared")));
    slack
        .messages(announce)
        .forEach(
            m -> {
              assertFalse(m.allText().contains("Leaked"), m.allText());
              assertFalse(m.allText().contains(room.id), m.allText());
            });

    String forOutsider = slack.app().command(dave, general, "list").text();
    assertFalse(forOutsider.contains("Leaked"), forOutsider);
    assertTrue(forOutsider.contains("a private incident"), forOutsider);
    String forCommander = slack.app().command(bob, general, "list").text();
    assertTrue(forCommander.contains("Leaked API keys in logs"), forCommander);
  }

  @Test
  void problemsComeBackInsideTheModalAndDeclareNothing() {
    String view = openModal();
    int channels = slack.channelNames().size();
    AppLink.Reply empty = slack.app().submit(alice, view, form("   ", "SEV2"));
    assertTrue(empty.body().contains("\"response_action\":\"errors\""), empty.body());
    assertTrue(empty.body().contains(SlackIds.DECLARE_TITLE), empty.body());
    Map<String, String> tooLong = form("Fine title", "SEV2");
    tooLong.put(SlackIds.DECLARE_AFFECTED, "y".repeat(2500));
    AppLink.Reply longAffected = slack.app().submit(alice, view, tooLong);
    assertTrue(longAffected.body().contains(SlackIds.DECLARE_AFFECTED), longAffected.body());
    assertTrue(
        slack.modals(alice).stream()
            .filter(m -> m.id().equals(view))
            .findFirst()
            .orElseThrow()
            .open());
    TestApp.holds(
        "no channel made", Duration.ofMillis(300), () -> slack.channelNames().size() == channels);
  }

  /**
   * A failure on Warroom's side (here its database loses the incident table) must not close the
   * modal as if the incident were declared: the modal stays open with what was typed and says so.
   */
  @Test
  void aSubmissionThatFailsOnWarroomsSideKeepsTheModalOpen() throws Exception {
    String view = openModal();
    Map<String, String> values = form("Storage hiccup", "SEV2");
    try (Connection db = DriverManager.getConnection(app.jdbcUrl, "sa", "")) {
      db.createStatement().execute("ALTER TABLE incident RENAME TO incident_away");
      AppLink.Reply failed;
      try {
        failed = slack.app().submit(alice, view, values);
      } finally {
        db.createStatement().execute("ALTER TABLE incident_away RENAME TO incident");
      }
      assertTrue(failed.body().contains("\"response_action\":\"errors\""), failed.body());
      assertTrue(failed.body().contains("Submit again"), failed.body());
      assertTrue(
          slack.modals(alice).stream()
              .filter(m -> m.id().equals(view))
              .findFirst()
              .orElseThrow()
              .open(),
          "the modal stays open");
    }

    AppLink.Reply again = slack.app().submit(alice, view, values);
    assertFalse(again.body().contains("errors"), again.body());
    Room.awaitContaining(slack, "storage-hiccup");
  }

  /**
   * Slack refuses a late {@code views.open} in its answer ({@code ok: false}), not with an error
   * status: the user who typed {@code /incident declare} used to see nothing at all.
   */
  @Test
  void aFormSlackWillNotOpenIsExplainedToWhoAskedForIt() {
    int modals = slack.modals(alice).size();
    int whispers = Whispers.count(slack, alice);
    int channels = slack.channelNames().size();
    // The command reaches Warroom when its trigger's 3 s are over (freshly signed: it is valid).
    String late = slack.app().commandBody(alice, general, "declare");
    sleep(3100); // time passes on purpose: the trigger's 3 s run out

    slack.app().post(late, "application/x-www-form-urlencoded", Map.of());

    String told = Whispers.awaitNew(slack, alice, whispers, "did not open the Declare form");
    assertTrue(told.contains("`expired_trigger_id`"), told);
    assertTrue(told.contains("`/incident declare [sev1-4] [--drill] &lt;title&gt;`"), told);
    assertEquals(modals, slack.modals(alice).size(), "no modal");
    assertEquals(channels, slack.channelNames().size(), "nothing declared");
  }

  /**
   * Everyone opens Warroom's App Home at the start of an outage, and Slack is slow to publish the
   * views. A modal must still open: its trigger works for 3 s only.
   */
  @Test
  void aBurstOfAppHomeViewsDoesNotMakeTheDeclareFormLate() {
    slack.faults().inject("views.publish", 12, Fault.slow(Duration.ofMillis(1500)));
    for (int i = 0; i < 12; i++) {
      ObjectNode opened = new ObjectMapper().createObjectNode();
      opened.put("type", "app_home_opened");
      opened.put("user", i % 2 == 0 ? bob : dave);
      opened.put("channel", "D0HOME" + i);
      opened.put("tab", "home");
      opened.put("event_ts", System.currentTimeMillis() / 1000 + ".000" + i);
      assertEquals(200, slack.sendEvent(opened).status());
    }

    String view = openModal();

    assertTrue(
        slack.modals(alice).stream().anyMatch(m -> m.id().equals(view) && m.open()),
        "the Declare form is open");
  }

  /** The user opens Warroom's Home tab; returns its Declare button's action id. */
  private String openHome(String user) {
    ObjectNode opened = new ObjectMapper().createObjectNode();
    opened.put("type", "app_home_opened");
    opened.put("user", user);
    opened.put("channel", "D0HOME" + user);
    opened.put("tab", "home");
    opened.put("event_ts", System.currentTimeMillis() / 1000 + ".000001");
    assertEquals(200, slack.sendEvent(opened).status());
    TestApp.await("the Home tab", () -> slack.home(user).isPresent());
    return slack.home(user).get().findValues("action_id").stream()
        .map(a -> a.asText())
        .filter(a -> a.equals(SlackIds.actionId(ChatAction.DECLARE)))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no Declare button: " + slack.home(user)));
  }

  private long declareForms(String user) {
    return slack.modals(user).stream()
        .filter(m -> SlackIds.DECLARE_VIEW.equals(m.view().path("callback_id").asText()))
        .count();
  }

  private String homeText(String user) {
    return slack.home(user).map(Object::toString).orElse("");
  }

  /**
   * A press on the Home tab has no response URL, so when Slack will not open the form the Home tab
   * itself says so, and what to do instead; once the form opens, the notice goes.
   */
  @Test
  void aDeclareFormSlackWillNotOpenFromTheHomeTabIsExplainedThere() {
    slack.faults().clear(); // what other tests injected and left unused
    String declare = openHome(dave);
    long forms = declareForms(dave);
    // The press reaches Warroom when its trigger's 3 s are over (freshly signed: it is valid).
    String late = slack.app().homeClickBody(dave, declare);
    sleep(3100); // time passes on purpose: the trigger's 3 s run out

    assertEquals(
        200, slack.app().post(late, "application/x-www-form-urlencoded", Map.of()).status());

    TestApp.await(
        "the Home tab explains", () -> homeText(dave).contains("did not open the Declare form"));
    String home = homeText(dave);
    assertTrue(home.contains("`expired_trigger_id`"), home);
    assertTrue(home.contains("`/incident declare [sev1-4] &lt;title&gt;`"), home);
    assertTrue(home.contains("Declare an incident"), "the button is still there: " + home);
    assertEquals(forms, declareForms(dave), "no form opened");

    assertEquals(200, slack.app().clickHome(dave, declare).status());

    TestApp.await("the form", () -> declareForms(dave) == forms + 1);
    TestApp.await(
        "the notice taken away", () -> !homeText(dave).contains("did not open the Declare form"));
    assertTrue(homeText(dave).contains("Declare an incident"), homeText(dave));
  }

  /**
   * Slack is slow to show the notice, and the user presses again meanwhile: the form opens, and the
   * slow notice must not land after the Home tab that took it away.
   */
  @Test
  void aSlowNoticeNeverOutlastsTheFormThatOpenedAfterIt() {
    slack.faults().clear(); // what other tests injected and left unused
    String declare = openHome(bob);
    long forms = declareForms(bob);
    int publishes = slack.calls("views.publish").size();
    String late = slack.app().homeClickBody(bob, declare);
    sleep(3100); // time passes on purpose: the trigger's 3 s run out
    slack.faults().inject("views.publish", 1, Fault.slow(Duration.ofMillis(2000)));

    assertEquals(
        200, slack.app().post(late, "application/x-www-form-urlencoded", Map.of()).status());
    TestApp.await(
        "the notice reaching Slack, which takes 2 s to show it",
        () -> slack.faults().pending("views.publish") == 0);
    assertEquals(200, slack.app().clickHome(bob, declare).status());

    TestApp.await("the form", () -> declareForms(bob) == forms + 1);
    TestApp.await(
        "both Home tabs published", () -> slack.calls("views.publish").size() >= publishes + 2);
    assertFalse(homeText(bob).contains("did not open the Declare form"), homeText(bob));
  }

  @Test
  void aDoubleClickedDeclareButtonDeclaresOnce() {
    String view = openModal();
    Map<String, String> values = form("Double click outage", "SEV2");
    // The same view submitted twice, as when Declare is clicked twice before the modal closes.
    AppLink.Reply first = slack.app().submit(alice, view, values);
    assertEquals(200, first.status());
    slack.reopenModal(view);
    AppLink.Reply second = slack.app().submit(alice, view, values);
    assertEquals(200, second.status());
    Room.awaitContaining(slack, "double-click-outage");
    TestApp.holds(
        "one channel",
        Duration.ofMillis(500),
        () ->
            slack.channelNames().stream().filter(n -> n.contains("double-click-outage")).count()
                == 1);
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
