package io.warroom.room.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.warroom.fakeslack.ApiCall;
import io.warroom.fakeslack.FakeSlack;
import io.warroom.fakeslack.Faults.Fault;
import io.warroom.support.Room;
import io.warroom.support.TestApp;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Slack failing at every step of building a war room: 500s before and after doing the work, 429s,
 * and timeouts before and after. Each time the room ends up whole, with one channel, one card, one
 * exploration thread and one announcement.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WarRoomFaultsTest {

  private static final Duration CLIENT_TIMEOUT = Duration.ofSeconds(1);
  private static final Duration HANG = Duration.ofMillis(1500);

  private FakeSlack slack;
  private TestApp app;
  private String alice;
  private String general;
  private String announce;
  private int counter;

  @BeforeAll
  void start() {
    slack = FakeSlack.start(TestApp.BOT_TOKEN, TestApp.SIGNING_SECRET);
    alice = slack.user("alice");
    general = slack.channel("general", false, alice, alice);
    announce = slack.channel("status", false, alice, alice);
    app =
        TestApp.start(
            slack,
            TestApp.inMemoryDatabase(),
            Map.of("warroom.announce-channel", announce, "slack.http-timeout", "1s"));
  }

  @AfterAll
  void stop() {
    app.close();
  }

  @BeforeEach
  void clearFaults() {
    slack.faults().clear();
  }

  static Stream<Arguments> faults() {
    List<String> steps =
        List.of(
            "conversations.create",
            "conversations.invite",
            "conversations.setTopic",
            "chat.postMessage",
            "pins.add");
    List<Fault> kinds =
        List.of(
            Fault.serverError(),
            Fault.serverErrorAfter(),
            Fault.rateLimited(Duration.ofSeconds(1)),
            Fault.timeout(HANG),
            Fault.timeoutAfter(HANG));
    return steps.stream().flatMap(step -> kinds.stream().map(kind -> Arguments.of(step, kind)));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("faults")
  void aFailingStepNeverLeavesAHalfBuiltRoomOrADuplicate(String method, Fault fault) {
    String title = "Fault case " + (++counter);
    String slug = "fault-case-" + counter;
    slack.faults().inject(method, 2, fault);
    slack.app().command(alice, general, "declare sev2 " + title);

    Room room = Room.awaitContaining(slack, slug);
    TestApp.await(
        "announcement for " + title, Duration.ofSeconds(20), () -> announcements(room.id) >= 1);
    // Steps run side by side: a failed invite or topic is done by the next pass, after the rest.
    TestApp.await(
        "declarer invited and topic set",
        Duration.ofSeconds(20),
        () -> room.members().contains(alice) && room.topic().contains(title));
    // A duplicate would come from a retry after the room looked done.
    TestApp.holds(
        "one channel and one card",
        Duration.ofMillis(700),
        () ->
            slack.channelNames().stream().filter(n -> n.contains(slug)).count() == 1
                && cards(room) == 1);

    assertEquals(
        1, slack.channelNames().stream().filter(n -> n.contains(slug)).count(), "channels");
    assertEquals(1, cards(room), "cards");
    assertEquals(
        1,
        room.botMessages().stream().filter(m -> m.text().contains("exploration thread")).count(),
        "threads");
    assertEquals(1, slack.pins(room.id).size(), "pins");
    assertEquals(1, announcements(room.id), "announcements");
    assertTrue(room.topic().contains(title), room.topic());
    assertTrue(room.members().contains(alice), "declarer invited");
  }

  @Test
  void retryAfterIsHonoured() {
    slack.faults().inject("chat.postMessage", 1, Fault.rateLimited(Duration.ofSeconds(2)));
    slack.app().command(alice, general, "declare sev2 Rate limited room");
    Room room = Room.awaitContaining(slack, "rate-limited-room");
    List<ApiCall> posts = slack.calls("chat.postMessage");
    ApiCall limited =
        posts.stream().filter(c -> c.status() == 429).reduce((a, b) -> b).orElseThrow();
    ApiCall next =
        posts.stream().filter(c -> c.atMillis() > limited.atMillis()).findFirst().orElseThrow();
    long waited = next.atMillis() - limited.atMillis();
    assertTrue(waited >= 1900, "waited " + waited + " ms after Retry-After: 2");
    assertEquals(1, cards(room));
  }

  @Test
  void aLongRetryAfterIsWaitedOutWithoutHoldingAThread() {
    slack.faults().inject("conversations.create", 1, Fault.rateLimited(Duration.ofSeconds(4)));
    long start = System.currentTimeMillis();
    slack.app().command(alice, general, "declare sev2 Long rate limit");
    Room room =
        Room.await(
            slack,
            slack.channelNames().stream()
                .filter(n -> n.contains("long-rate-limit"))
                .findFirst()
                .orElseGet(
                    () -> {
                      TestApp.await(
                          "channel",
                          Duration.ofSeconds(15),
                          () ->
                              slack.channelNames().stream()
                                  .anyMatch(n -> n.contains("long-rate-limit")));
                      return slack.channelNames().stream()
                          .filter(n -> n.contains("long-rate-limit"))
                          .findFirst()
                          .orElseThrow();
                    }),
            Duration.ofSeconds(15));
    List<ApiCall> creates =
        slack.calls("conversations.create").stream()
            .filter(c -> c.params().getOrDefault("name", "").contains("long-rate-limit"))
            .toList();
    assertEquals(2, creates.size());
    assertTrue(
        creates.get(1).atMillis() - creates.get(0).atMillis() >= 3900, "waited out Retry-After: 4");
    assertTrue(System.currentTimeMillis() - start < 15_000);
    assertEquals(1, cards(room));
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
