package io.warroom.room.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.warroom.fakeslack.ApiCall;
import io.warroom.fakeslack.FakeSlack;
import io.warroom.fakeslack.Faults.Fault;
import io.warroom.support.Room;
import io.warroom.support.TestApp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * War rooms against a Slack that answers in 100-250 ms and enforces its rate limits (issue 20):
 * Warroom paces itself so that Slack rarely says 429, honours Retry-After when it does, and when
 * the budget is short builds what responders need first.
 *
 * <p>Each test starts its own fake Slack, with its own rate-limit windows, and its own Warroom (a
 * new instance of this class each), so they run side by side: the wave waits over a minute for
 * Slack's {@code conversations.create} window.
 */
@Execution(ExecutionMode.CONCURRENT)
class RateLimitedWarRoomsTest {

  private FakeSlack slack;
  private TestApp app;
  private String alice;
  private String general;
  private String announce;

  @BeforeEach
  void start() {
    slack = FakeSlack.start(TestApp.BOT_TOKEN, TestApp.SIGNING_SECRET);
    slack.latency(Duration.ofMillis(100), Duration.ofMillis(250)).rateLimits(true);
    alice = slack.user("alice");
    general = slack.channel("general", false, alice, alice);
    announce = slack.channel("status", false, alice, alice, slack.botUserId());
    app =
        TestApp.start(
            slack,
            TestApp.inMemoryDatabase(),
            Map.of(
                "warroom.announce-channel",
                announce,
                "slack.pacing",
                true,
                "slack.http-timeout",
                "5s"));
  }

  @AfterEach
  void stop() {
    app.close();
  }

  @Test
  void twentyFiveDeclarationsAllGetCompleteRoomsWithFewRefusals() {
    int rooms = 25;
    long start = System.nanoTime();
    for (int i = 1; i <= rooms; i++) {
      assertEquals(200, slack.app().command(alice, general, "declare sev2 Wave " + i).status());
    }
    List<Room> built = new ArrayList<>();
    for (int i = 1; i <= rooms; i++) {
      // 25 channels at 20 a minute: the last ones cannot exist before a minute has passed.
      built.add(Room.await(slack, channelName("wave-" + i), Duration.ofSeconds(120)));
    }
    for (Room room : built) {
      TestApp.await(
          room.name + " complete",
          Duration.ofSeconds(60),
          () ->
              room.members().contains(alice)
                  && room.topic().startsWith("SEV2")
                  && announcements(room.id) == 1);
      assertEquals(1, cards(room), room.name);
      assertEquals(1, slack.pins(room.id).size(), room.name);
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    List<ApiCall> calls = slack.calls();
    long refused = slack.rateLimitedCalls();
    assertTrue(
        refused <= calls.size() * 0.05,
        refused + " of " + calls.size() + " calls were answered 429");
    assertEquals(rooms, slack.calls("conversations.create").stream().filter(ApiCall::ok).count());
    assertTrue(seconds < 120, "took " + seconds + " s");
  }

  @Test
  void aRetryAfterIsHonouredAndTheCardAndInvitesDoNotWaitForTopicOrPin() {
    slack.faults().always("conversations.setTopic", Fault.rateLimited(Duration.ofSeconds(5)));
    slack.faults().always("pins.add", Fault.rateLimited(Duration.ofSeconds(5)));

    slack.app().command(alice, general, "declare sev1 Checkout down");

    String name = channelName("checkout-down");
    TestApp.await("channel", Duration.ofSeconds(10), () -> slack.channelId(name).isPresent());
    String channel = slack.channelId(name).orElseThrow();
    TestApp.await(
        "card, declarer and exploration thread while the topic and the pin are refused",
        Duration.ofSeconds(10),
        () ->
            slack.members(channel).contains(alice)
                && slack.messages(channel).stream()
                    .anyMatch(m -> m.allText().contains("exploration thread"))
                && slack.messages(channel).stream()
                    .anyMatch(m -> m.allText().contains("\"type\":\"header\"")));
    assertTrue(slack.pins(channel).isEmpty());
    // Each is tried again once its Retry-After has passed, not sooner.
    TestApp.await(
        "topic and pin tried again",
        Duration.ofSeconds(15),
        () ->
            slack.calls("conversations.setTopic").size() >= 2
                && slack.calls("pins.add").size() >= 2);
    for (String method : List.of("conversations.setTopic", "pins.add")) {
      List<ApiCall> tries = slack.calls(method);
      assertTrue(tries.size() >= 1 && tries.size() <= 3, method + " tried " + tries.size());
      for (int i = 1; i < tries.size(); i++) {
        long gap = tries.get(i).atMillis() - tries.get(i - 1).atMillis();
        assertTrue(gap >= 4_900, method + " again after " + gap + " ms, Retry-After was 5 s");
      }
    }

    slack.faults().clear();
    Room room = Room.await(slack, name, Duration.ofSeconds(20));
    TestApp.await("topic", Duration.ofSeconds(20), () -> room.topic().startsWith("SEV1"));
    assertEquals(1, cards(room));
  }

  private String channelName(String slug) {
    TestApp.await(
        "a channel ending in " + slug,
        Duration.ofSeconds(120),
        () -> slack.channelNames().stream().anyMatch(n -> n.endsWith("-" + slug)));
    return slack.channelNames().stream().filter(n -> n.endsWith("-" + slug)).findFirst().get();
  }

  private int announcements(String roomId) {
    return (int)
        slack.messages(announce).stream()
            .filter(m -> m.allText().contains("<#" + roomId + ">"))
            .count();
  }

  private static int cards(Room room) {
    return (int)
        room.botMessages().stream()
            .filter(m -> m.allText().contains("\"type\":\"header\""))
            .count();
  }
}
