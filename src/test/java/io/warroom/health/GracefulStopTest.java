package io.warroom.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.warroom.fakeslack.FakeSlack;
import io.warroom.fakeslack.Faults.Fault;
import io.warroom.support.Postgres;
import io.warroom.support.Room;
import io.warroom.support.TestApp;
import io.warroom.support.WarroomProcess;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A rolling upgrade: replica A gets SIGTERM while it is building a war room (Slack is slow). It
 * turns not-ready at once but keeps answering Slack for the drain time, exits well within 30 s, and
 * hands the room over: replica B finishes it at once, not after A's 60 s lease ran out (B's full
 * sweep, which would find an expired lease, is set to 10 minutes). Nothing is posted twice.
 */
class GracefulStopTest {

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private int status(int port, String path) {
    try {
      return http.send(
              HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                  .timeout(Duration.ofSeconds(5))
                  .build(),
              HttpResponse.BodyHandlers.discarding())
          .statusCode();
    } catch (Exception e) {
      return -1;
    }
  }

  @Test
  void aStoppedReplicaHandsItsWarRoomToTheOtherOne() throws Exception {
    String db = Postgres.newDatabase();
    try (FakeSlack slack = FakeSlack.start(TestApp.BOT_TOKEN, TestApp.SIGNING_SECRET)) {
      String alice = slack.user("alice");
      String general = slack.channel("general", false, alice, alice);
      // B takes the room only when A hands it over: its sweeps for rooms whose holder died and for
      // declarations still in intake are too slow to matter here, and it waits out Slack's 3 s.
      TestApp b =
          TestApp.start(
              slack,
              db,
              Map.of(
                  "warroom.delivery.full-sweep", "10m",
                  "warroom.intake.sweep", "10m",
                  "slack.http-timeout", "10s"));
      int port = WarroomProcess.freePort();
      Map<String, String> env = new HashMap<>();
      env.put("SLACK_BOT_TOKEN", TestApp.BOT_TOKEN);
      env.put("SLACK_SIGNING_SECRET", TestApp.SIGNING_SECRET);
      env.put("SLACK_API_URL", slack.apiUrl());
      env.put("MICRONAUT_SERVER_PORT", String.valueOf(port));
      env.put("DATASOURCES_DEFAULT_URL", db);
      env.put("DATASOURCES_DEFAULT_USERNAME", "postgres");
      env.put("DATASOURCES_DEFAULT_PASSWORD", "");
      env.put("WARROOM_SHUTDOWN_DRAIN", "2s");
      WarroomProcess a = WarroomProcess.start(env, null);
      try {
        a.awaitHealthy(Duration.ofSeconds(60));
        slack.connect(a.eventsUrl());
        slack.faults().always("chat.postMessage", Fault.slow(Duration.ofSeconds(3)));

        assertEquals(
            200, slack.app().command(alice, general, "declare sev1 Checkout is down").status());
        TestApp.await(
            "A posting in the war room",
            Duration.ofSeconds(30),
            () -> !slack.calls("chat.postMessage").isEmpty());
        assertTrue(
            slack.channelNames().stream().filter(n -> n.contains("checkout-is-down")).count() == 1);

        long stopAt = System.nanoTime();
        a.terminate();
        TestApp.await(
            "A not ready", Duration.ofSeconds(2), () -> status(port, "/health/ready") == 503);
        assertEquals(200, status(port, "/health/live"), "alive while draining");
        assertEquals(
            200,
            slack.app().command(alice, general, "list").status(),
            "Slack's requests are still answered while the load balancer catches up");

        assertEquals(0, a.waitFor(Duration.ofSeconds(30)), a.output());
        long stoppedMillis = (System.nanoTime() - stopAt) / 1_000_000;
        assertTrue(stoppedMillis < 30_000, "exited within 30 s: " + stoppedMillis + " ms");
        String name =
            slack.channelNames().stream()
                .filter(n -> n.contains("checkout-is-down"))
                .findFirst()
                .orElseThrow();
        assertTrue(
            a.stdout().contains("War room 1: handed over to the other replicas"),
            "A stopped mid-way and handed the room over:\n" + a.output());

        slack.connect(b.url("/slack/events"));
        slack.faults().clear();
        Room room = Room.await(slack, name, Duration.ofSeconds(20));
        assertEquals(
            1,
            room.botMessages().stream()
                .filter(m -> m.allText().contains("\"type\":\"header\""))
                .count(),
            "one card");
        assertEquals(
            1,
            room.botMessages().stream()
                .filter(m -> m.text().contains("exploration thread"))
                .count(),
            "one thread");
        assertEquals(1, slack.channelNames().stream().filter(n -> n.contains("checkout")).count());
      } finally {
        a.close();
        b.stopApp();
      }
    }
  }
}
