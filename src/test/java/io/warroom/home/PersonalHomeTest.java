package io.warroom.home;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.warroom.chat.ChatAction;
import io.warroom.fakeslack.FakeSlack;
import io.warroom.slack.SlackIds;
import io.warroom.support.Room;
import io.warroom.support.TestApp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * App Home for each person, end to end: signed requests in, {@code views.publish} out to the fake
 * Slack. A person's Home changes when their part changes, without their opening it.
 *
 * <p>Each test starts its own fake Slack and Warroom (a new instance of this class each), so they
 * run side by side: the paced one spends over a minute waiting for Slack's rate-limit window.
 */
@Execution(ExecutionMode.CONCURRENT)
class PersonalHomeTest {

  private FakeSlack slack;
  private TestApp app;
  private String alice;
  private String bob;
  private String carol;
  private String general;

  /** A Warroom of its own for each test: each counts on an empty Home and its own settings. */
  private void start(Map<String, Object> settings) {
    slack = FakeSlack.start(TestApp.BOT_TOKEN, TestApp.SIGNING_SECRET);
    alice = slack.user("alice");
    bob = slack.user("bob");
    carol = slack.user("carol");
    general = slack.channel("general", false, alice, alice, bob, carol);
    app = TestApp.start(slack, TestApp.inMemoryDatabase(), settings);
  }

  @AfterEach
  void stop() {
    if (app != null) {
      app.close();
    }
  }

  private void openHome(String user) {
    int before = slack.calls("views.publish").size();
    sendHomeOpened(user);
    TestApp.await(
        "the Home tab", () -> slack.calls("views.publish").size() > before && home(user) != null);
  }

  private void sendHomeOpened(String user) {
    ObjectNode opened = new ObjectMapper().createObjectNode();
    opened.put("type", "app_home_opened");
    opened.put("user", user);
    opened.put("channel", "D0HOME" + user);
    opened.put("tab", "home");
    opened.put("event_ts", System.currentTimeMillis() / 1000 + ".000001");
    assertEquals(200, slack.sendEvent(opened).status());
  }

  private JsonNode home(String user) {
    return slack.home(user).orElse(null);
  }

  private String homeText(String user) {
    return slack.home(user).map(Object::toString).orElse("");
  }

  private boolean hasButton(String user, ChatAction action) {
    return slack.home(user).stream()
        .flatMap(h -> h.findValues("action_id").stream())
        .anyMatch(a -> a.asText().equals(SlackIds.actionId(action)));
  }

  @Test
  void eachPersonSeesTheirOwnPartAndItIsRedrawnWhenItChanges() {
    start(Map.of());
    openHome(carol); // carol only watches; bob never opens his tab
    assertTrue(homeText(carol).contains("No open incidents"), homeText(carol));

    slack.app().command(alice, general, "declare sev2 Checkout is throwing 500s");
    Room room = Room.awaitContaining(slack, "checkout-is-throwing-500s");
    TestApp.await(
        "carol's Home shows the new incident without her opening it",
        () -> homeText(carol).contains("Checkout is throwing 500s"));
    assertFalse(homeText(carol).contains("Your roles"), homeText(carol));

    slack.app().command(alice, room.id, "ic @bob");
    TestApp.await(
        "bob's Home says he commands it",
        () ->
            homeText(bob).contains("Your roles (1)")
                && homeText(bob).contains("Incident Commander"));

    slack.app().command(alice, room.id, "task @bob Check the <!channel> DB pool");
    TestApp.await(
        "bob's task on his Home, with a Done button",
        () -> homeText(bob).contains("Check the") && hasButton(bob, ChatAction.TASK_DONE));
    assertFalse(homeText(bob).contains("<!channel>"), "user text is escaped: " + homeText(bob));

    assertEquals(200, slack.app().clickHome(bob, SlackIds.actionId(ChatAction.TASK_DONE)).status());
    TestApp.await(
        "the task done, gone from bob's Home",
        () -> !homeText(bob).contains("Your open tasks") && !hasButton(bob, ChatAction.TASK_DONE));

    slack.app().command(alice, room.id, "resolve Rolled back the payment service");
    TestApp.await(
        "carol's Home lists it as resolved, with how long it took",
        () ->
            homeText(carol).contains("Resolved in the last 14 days (1)")
                && homeText(carol).contains("took")
                && homeText(carol).contains("No open incidents"));
    TestApp.await(
        "bob's role is gone with the open incident", () -> !homeText(bob).contains("Your roles"));
    assertTrue(
        homeText(carol)
            .contains("Last 30 days: 1 incident declared, 1 resolved, time to resolve median"),
        homeText(carol));

    slack.app().command(alice, room.id, "action Add an alert on checkout 5xx @bob");
    TestApp.await(
        "bob's action item on his Home, with a Done button",
        () -> homeText(bob).contains("Add an alert") && hasButton(bob, ChatAction.ACTION_DONE));
    assertEquals(
        200, slack.app().clickHome(bob, SlackIds.actionId(ChatAction.ACTION_DONE)).status());
    TestApp.await("the action item done", () -> !homeText(bob).contains("Add an alert"));
  }

  /**
   * A declaration touches everyone who opened Home: 120 people, more than {@code views.publish}
   * allows a minute (100). With Slack's limits on, every Home is redrawn and Slack never has to
   * answer 429: Warroom paces the publishes itself.
   */
  @Test
  void aChangeForMorePeopleThanTheRateLimitAllowsIsPacedNotBurst() {
    // Tests switch Warroom's own pacing off (TestApp); here it is on, as in production.
    start(Map.of("slack.pacing", true));
    List<String> people = new ArrayList<>();
    for (int i = 0; i < 120; i++) {
      people.add(slack.user("watcher" + i));
    }
    // All open Home at about the same time; each tab is drawn in answer to its own opening.
    people.forEach(this::sendHomeOpened);
    TestApp.await(
        "every watcher's Home tab drawn",
        Duration.ofSeconds(60),
        () -> people.stream().allMatch(p -> home(p) != null));
    slack.rateLimits(true);
    long start = System.nanoTime();
    slack.app().command(alice, general, "declare sev3 Search is slow for everyone");
    TestApp.await(
        "every watcher's Home shows the incident",
        Duration.ofSeconds(150),
        () -> people.stream().allMatch(p -> homeText(p).contains("Search is slow for everyone")));
    Duration took = Duration.ofNanos(System.nanoTime() - start);
    assertEquals(
        List.of(),
        slack.calls().stream().filter(c -> c.status() == 429).toList(),
        "Slack never had to refuse a call");
    assertTrue(
        took.compareTo(Duration.ofSeconds(55)) > 0,
        "120 publishes cannot fit in one minute's 100: took " + took);
  }

  /** The Home tab never holds more than Slack's 100 blocks, and says how many it leaves out. */
  @Test
  void manyOpenIncidentsStayWithinOneHundredBlocks() {
    start(Map.of());
    for (int i = 0; i < 110; i++) {
      slack.app().command(alice, general, "declare sev4 Noise number " + i);
    }
    TestApp.await(
        "all declared",
        Duration.ofSeconds(120),
        () -> {
          openHome(carol);
          return homeText(carol).contains("Open incidents (110)");
        });
    JsonNode blocks = home(carol).path("blocks");
    assertTrue(blocks.size() <= 100, "blocks: " + blocks.size());
    assertTrue(homeText(carol).contains("more not shown"), homeText(carol));
  }
}
