package io.warroom.slack.declare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.warroom.fakeslack.AppLink;
import io.warroom.fakeslack.FakeSlack;
import io.warroom.fakeslack.SlackSimulator.Posted;
import io.warroom.slack.SlackIds;
import io.warroom.support.Mrkdwns;
import io.warroom.support.Room;
import io.warroom.support.TestApp;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** {@code /incident declare ...} typed in Slack, through signed requests and the fake Slack. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DeclareCommandTest {

  private FakeSlack slack;
  private TestApp app;
  private String alice;
  private String general;
  private String announce;

  @BeforeAll
  void start() {
    slack = FakeSlack.start(TestApp.BOT_TOKEN, TestApp.SIGNING_SECRET);
    alice = slack.user("alice");
    general = slack.channel("general", false, alice, alice);
    announce = slack.channel("incidents", false, alice, alice);
    app =
        TestApp.start(
            slack,
            TestApp.inMemoryDatabase(),
            Map.of("warroom.announce-channel", announce, "warroom.default-severity", "SEV3"));
  }

  @AfterAll
  void stop() {
    app.close();
  }

  private static String today() {
    return LocalDate.now(ZoneOffset.UTC).format(DateTimeFormatter.BASIC_ISO_DATE);
  }

  @Test
  void declaringOpensACompleteWarRoomAndTellsTheDeclarerAtOnce() {
    long started = System.nanoTime();
    AppLink.Reply reply =
        slack.app().command(alice, general, "declare sev1 Payments API returning 500s");
    long ackMillis = (System.nanoTime() - started) / 1_000_000;

    assertEquals(200, reply.status());
    assertTrue(ackMillis < 3000, "acked in " + ackMillis + " ms");
    assertTrue(reply.text().contains("Declared *SEV1: Payments API returning 500s*"), reply.text());

    Room room = Room.await(slack, "inc-" + today() + "-payments-api-returning-500s");
    assertTrue(room.members().contains(alice), "declarer invited");
    assertEquals("SEV1 | Investigating | IC: none yet | Payments API returning 500s", room.topic());
    Posted card = room.card();
    assertTrue(card.allText().contains("SEV1 · Payments API returning 500s"));
    assertTrue(card.allText().contains("Take command"));
    assertTrue(room.thread().orElseThrow().text().contains("exploration thread"));
    TestApp.await(
        "announcement",
        () ->
            slack.messages(announce).stream()
                .anyMatch(m -> m.allText().contains("<#" + room.id + ">")));
    Posted notice =
        slack.messages(announce).stream()
            .filter(m -> m.allText().contains("<#" + room.id + ">"))
            .findFirst()
            .orElseThrow();
    assertTrue(notice.allText().contains("SEV1 declared:* Payments API returning 500s"));
  }

  @Test
  void theSameTitleAgainGetsTheNextFreeName() {
    slack.app().command(alice, general, "declare sev2 Search is slow");
    slack.app().command(alice, general, "declare sev2 Search is slow");
    slack.app().command(alice, general, "declare sev2 Search is slow");
    Room first = Room.await(slack, "inc-" + today() + "-search-is-slow");
    Room second = Room.await(slack, "inc-" + today() + "-search-is-slow-2");
    Room third = Room.await(slack, "inc-" + today() + "-search-is-slow-3");
    assertEquals(3, List.of(first.id, second.id, third.id).stream().distinct().count());
  }

  @Test
  void userTextIsEscapedSoNobodyCanPingTheChannelThroughTheBot() {
    // Typed literally, Slack escapes "<!channel>"; typed as @here it arrives as <!here>.
    slack.app().command(alice, general, "declare sev2 Login <!channel> @here & <b>broken</b>");
    Room room = Room.awaitContaining(slack, "login-");
    for (Posted m : room.botMessages()) {
      assertFalse(Mrkdwns.pingsEveryone(m), m.allText());
    }
    assertTrue(
        room.card().text().contains("Login &lt;!channel&gt; @here &amp; &lt;b&gt;broken&lt;/b&gt;"),
        room.card().text());
    assertFalse(room.topic().contains("<!"), room.topic());
    TestApp.await(
        "announcement",
        () ->
            slack.messages(announce).stream()
                .anyMatch(m -> m.allText().contains("<#" + room.id + ">")));
    slack.messages(announce).forEach(m -> assertFalse(Mrkdwns.pingsEveryone(m), m.allText()));
  }

  /** Web API calls other than App Home refreshes, which earlier declarations set going, paced. */
  private long channelCalls() {
    return slack.calls().stream().filter(c -> !c.method().equals("views.publish")).count();
  }

  /** The number of Web API calls once other tests' war rooms have stopped calling. */
  private long quietCalls() {
    long calls;
    do {
      calls = channelCalls();
      sleep(300); // a quiet spell is what this looks for: 300 ms without a call
    } while (channelCalls() != calls);
    return calls;
  }

  @Test
  void aTenThousandCharacterTitleIsRefusedAndChangesNothing() {
    int channelsBefore = slack.channelNames().size();
    long callsBefore = quietCalls();
    AppLink.Reply reply = slack.app().command(alice, general, "declare sev1 " + "x".repeat(10_000));
    assertEquals(200, reply.status());
    assertTrue(
        reply.text().contains("10000 characters long; keep it to 150 or fewer"), reply.text());
    TestApp.holds(
        "no channel and no Slack calls",
        Duration.ofMillis(500),
        () -> slack.channelNames().size() == channelsBefore && channelCalls() == callsBefore);
  }

  @Test
  void noSeverityMeansTheConfiguredDefault() {
    slack.app().command(alice, general, "declare Cache hit rate dropped");
    Room room = Room.awaitContaining(slack, "cache-hit-rate-dropped");
    // The topic is set beside the other steps after the card, so it may come last.
    TestApp.await("the topic", () -> room.topic() != null);
    assertTrue(room.topic().startsWith("SEV3 |"), room.topic());
  }

  @Test
  void aDrillWithTheLongestTitleStillGetsItsCard() {
    String title = "Longest drill title " + "x".repeat(130); // 150, the longest a title may be
    slack.app().command(alice, general, "declare --drill sev2 " + title);
    Room room = Room.awaitContaining(slack, "longest-drill-title");
    TestApp.await("card", () -> !room.botPostsContaining("[DRILL] SEV2").isEmpty());
    String header = room.card().blocks().get(0).path("text").path("text").asText();
    assertTrue(header.startsWith("[DRILL] SEV2 · Longest drill title x"), header);
    assertTrue(header.length() <= 150, header.length() + " characters");
  }

  @Test
  void aDrillIsMarkedInTheChannelNameCardTopicAndAnnouncement() {
    slack.app().command(alice, general, "declare --drill sev2 Database failover rehearsal");
    Room room = Room.await(slack, "inc-drill-" + today() + "-database-failover-rehearsal");
    assertTrue(room.topic().startsWith("[DRILL] SEV2"), room.topic());
    assertTrue(room.card().allText().contains("[DRILL] SEV2"));
    TestApp.await(
        "drill announcement",
        () ->
            slack.messages(announce).stream()
                .anyMatch(
                    m ->
                        m.allText()
                            .contains("[DRILL] SEV2 declared:* Database failover rehearsal")));
  }

  @Test
  void aReplayedSlashCommandDeclaresOnce() {
    // Slack does not retry commands, but a proxy or a double submit can replay the exact request.
    String body = slack.app().commandBody(alice, general, "declare sev2 Replayed request");
    AppLink.Reply first = slack.app().post(body, "application/x-www-form-urlencoded", Map.of());
    AppLink.Reply second = slack.app().post(body, "application/x-www-form-urlencoded", Map.of());
    assertEquals(200, first.status());
    assertTrue(second.text().contains("was already declared"), second.text());
    Room.awaitContaining(slack, "replayed-request");
    TestApp.holds(
        "one channel",
        Duration.ofMillis(500),
        () ->
            slack.channelNames().stream().filter(n -> n.contains("replayed-request")).count() == 1);
  }

  @Test
  void commandsWithoutATitleOpenTheDeclareModal() {
    String bob = slack.user("bob");
    slack.channel("bobs-channel", false, bob, bob);
    String channel = slack.channelId("bobs-channel").orElseThrow();
    AppLink.Reply reply = slack.app().command(bob, channel, "");
    assertEquals(200, reply.status());
    TestApp.await("modal", () -> !slack.modals(bob).isEmpty());
    assertEquals(SlackIds.DECLARE_VIEW, slack.modals(bob).get(0).callbackId());
    slack.app().command(bob, channel, "declare sev1");
    TestApp.await("second modal", () -> slack.modals(bob).size() == 2);
    assertTrue(
        slack
            .modals(bob)
            .get(1)
            .view()
            .toString()
            .contains("\"initial_option\":{\"text\":{\"type\":\"plain_text\",\"text\":\"SEV1"),
        "severity preselected");
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
