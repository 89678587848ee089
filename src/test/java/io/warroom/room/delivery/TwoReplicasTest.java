package io.warroom.room.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.warroom.fakeslack.FakeSlack;
import io.warroom.fakeslack.Faults.Fault;
import io.warroom.support.Postgres;
import io.warroom.support.Room;
import io.warroom.support.TestApp;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Two replicas behind one load balancer, sharing one PostgreSQL. Both sweep for work all the time;
 * Slack is slow and sometimes fails. Every war room is still built exactly once.
 */
class TwoReplicasTest {

  @Test
  void everyRoomIsBuiltOnceWhenTwoReplicasCompeteForIt() {
    String db = Postgres.newDatabase();
    try (FakeSlack slack = FakeSlack.start(TestApp.BOT_TOKEN, TestApp.SIGNING_SECRET)) {
      String alice = slack.user("alice");
      String general = slack.channel("general", false, alice, alice);
      String announce = slack.channel("status", false, alice, alice);
      Map<String, Object> props =
          Map.of("warroom.announce-channel", announce, "warroom.delivery.sweep", "50ms");
      TestApp a = TestApp.start(slack, db, props);
      TestApp b = TestApp.start(slack, db, props);
      try {
        slack.faults().always("chat.postMessage", Fault.slow(Duration.ofMillis(150)));
        slack.faults().inject("conversations.setTopic", 5, Fault.serverErrorAfter());
        slack.faults().inject("conversations.create", 3, Fault.serverErrorAfter());
        int incidents = 20;
        for (int i = 1; i <= incidents; i++) {
          // The load balancer sends alternate requests to alternate replicas.
          TestApp replica = i % 2 == 0 ? a : b;
          slack.connect(
              URI.create("http://127.0.0.1:" + replica.server.getPort() + "/slack/events"));
          assertEquals(
              200, slack.app().command(alice, general, "declare sev2 Replica race " + i).status());
        }
        for (int i = 1; i <= incidents; i++) {
          String name = "replica-race-" + i;
          TestApp.await(
              name,
              Duration.ofSeconds(30),
              () -> slack.channelNames().stream().anyMatch(n -> n.endsWith(name)));
        }
        for (int i = 1; i <= incidents; i++) {
          String suffix = "replica-race-" + i;
          String channelName =
              slack.channelNames().stream()
                  .filter(n -> n.endsWith(suffix))
                  .findFirst()
                  .orElseThrow();
          Room room = Room.await(slack, channelName, Duration.ofSeconds(30));
          int n = i;
          TestApp.await(
              "announcement " + i,
              Duration.ofSeconds(30),
              () ->
                  slack.messages(announce).stream()
                      .anyMatch(m -> m.allText().contains("<#" + room.id + ">")));
          assertEquals(
              1,
              slack.channelNames().stream()
                  .filter(x -> x.endsWith(suffix) || x.endsWith(suffix + "-2"))
                  .count(),
              "one channel for " + n);
          assertEquals(
              1,
              room.botMessages().stream()
                  .filter(m -> m.allText().contains("\"type\":\"header\""))
                  .count(),
              "one card in " + channelName);
          assertEquals(
              1,
              room.botMessages().stream()
                  .filter(m -> m.text().contains("exploration thread"))
                  .count(),
              "one thread in " + channelName);
          assertEquals(
              1,
              slack.messages(announce).stream()
                  .filter(m -> m.allText().contains("<#" + room.id + ">"))
                  .count(),
              "one announcement for " + channelName);
        }
        assertEquals(
            incidents,
            slack.channelNames().stream().filter(n -> n.contains("replica-race-")).count());
        assertTrue(slack.calls("conversations.create").size() >= incidents);
      } finally {
        a.stopApp();
        b.stopApp();
      }
    }
  }
}
