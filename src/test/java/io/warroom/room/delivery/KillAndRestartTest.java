package io.warroom.room.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.warroom.fakeslack.AppLink;
import io.warroom.fakeslack.FakeSlack;
import io.warroom.fakeslack.Faults.Fault;
import io.warroom.support.Room;
import io.warroom.support.TestApp;
import io.warroom.support.WarroomProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code kill -9} right after Slack was told "ok": the restarted app finishes the war room, with no
 * second channel and no duplicate post. Warroom runs in its own JVM on an H2 file, configured only
 * by environment variables.
 */
class KillAndRestartTest {

  private static Map<String, String> env(FakeSlack slack, Path dir, int port) {
    return WarroomProcess.environment(
        slack,
        dir,
        port,
        ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE");
  }

  @Test
  void aKilledAppFinishesTheWarRoomAfterRestart() throws Exception {
    Path dir = Files.createTempDirectory("warroom-kill");
    try (FakeSlack slack = FakeSlack.start(TestApp.BOT_TOKEN, TestApp.SIGNING_SECRET)) {
      String alice = slack.user("alice");
      String general = slack.channel("general", false, alice, alice);
      int port = WarroomProcess.freePort();
      // Slack creates the channel but its answer never arrives: the app dies waiting for it.
      slack.faults().inject("conversations.create", 1, Fault.timeoutAfter(Duration.ofSeconds(30)));

      WarroomProcess first = WarroomProcess.start(env(slack, dir, port), null);
      try {
        // Generous: how fast a JVM starts is not under test, and a busy runner was seen above 30 s.
        first.awaitHealthy(Duration.ofSeconds(60));
        slack.connect(first.eventsUrl());
        AppLink.Reply ack =
            slack.app().command(alice, general, "declare sev1 Payments API returning 500s");
        assertEquals(200, ack.status());
        assertTrue(ack.text().contains("Declared"), ack.text());
        TestApp.await(
            "channel created by the first process",
            () -> slack.channelNames().stream().anyMatch(n -> n.contains("payments")));
        first.kill();
      } finally {
        first.close();
      }
      assertTrue(
          slack
              .pins(
                  slack
                      .channelId(
                          slack.channelNames().stream()
                              .filter(n -> n.contains("payments"))
                              .findFirst()
                              .orElseThrow())
                      .orElseThrow())
              .isEmpty(),
          "the first process never got further");

      WarroomProcess second = WarroomProcess.start(env(slack, dir, port), null);
      try {
        second.awaitHealthy(Duration.ofSeconds(60));
        slack.connect(second.eventsUrl());
        Room room = Room.awaitContaining(slack, "payments-api-returning-500s");
        assertEquals(
            1,
            slack.channelNames().stream().filter(n -> n.contains("payments")).count(),
            "one channel");
        assertEquals(
            1,
            room.botMessages().stream()
                .filter(m -> m.allText().contains("\"type\":\"header\""))
                .count(),
            "one card");
        assertTrue(room.members().contains(alice));
        assertTrue(room.topic().startsWith("SEV1"));
      } finally {
        second.close();
      }
    }
  }

  @Test
  void aBadSettingOrAnUnreachableDatabaseStopsWithOneLine() throws Exception {
    Path dir = Files.createTempDirectory("warroom-bad");
    try (FakeSlack slack = FakeSlack.start(TestApp.BOT_TOKEN, TestApp.SIGNING_SECRET)) {
      Map<String, String> badCadence = env(slack, dir, WarroomProcess.freePort());
      badCadence.put("WARROOM_HEARTBEAT_SEV1", "15x");
      try (WarroomProcess p = WarroomProcess.start(badCadence, null)) {
        assertEquals(1, p.waitFor(Duration.ofSeconds(30)));
        String line = p.stderr().strip();
        assertEquals(
            "warroom: cannot start: WARROOM_HEARTBEAT_SEV1='15x' is not a duration; use a form such as 15m, 90s or PT1H, or off",
            line);
      }
      Map<String, String> noDatabase = env(slack, dir, WarroomProcess.freePort());
      noDatabase.put(
          "DATASOURCES_DEFAULT_URL",
          "jdbc:postgresql://127.0.0.1:" + WarroomProcess.freePort() + "/warroom?password=hunter2");
      try (WarroomProcess p = WarroomProcess.start(noDatabase, null)) {
        assertEquals(1, p.waitFor(Duration.ofSeconds(60)));
        String err = p.stderr().strip();
        assertEquals(1, err.lines().count(), err);
        assertTrue(
            err.startsWith(
                "warroom: cannot start: DATASOURCES_DEFAULT_URL=jdbc:postgresql://127.0.0.1:"),
            err);
        assertTrue(err.contains("password=***"), "the password is not printed: " + err);
        assertTrue(
            !err.contains("hunter2") && !p.stdout().contains("hunter2"),
            "secrets never appear in logs");
      }
    }
  }
}
