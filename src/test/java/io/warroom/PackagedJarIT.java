package io.warroom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.warroom.fakeslack.AppLink;
import io.warroom.fakeslack.FakeSlack;
import io.warroom.support.Room;
import io.warroom.support.TestApp;
import io.warroom.support.WarroomProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code java -jar target/warroom.jar}, configured only by the SPEC's environment variables,
 * against a fake Slack: the war room of SPEC section 5, end to end.
 */
class PackagedJarIT {

  @Test
  void theJarOpensWarRoomsAndHandsCommandOver() throws Exception {
    Path jar = Path.of("target/warroom.jar");
    assertTrue(Files.exists(jar), "run mvn package first");
    Path data = Files.createTempDirectory("warroom-jar");
    try (FakeSlack slack = FakeSlack.start(TestApp.BOT_TOKEN, TestApp.SIGNING_SECRET)) {
      String alice = slack.user("alice");
      String bob = slack.user("bob");
      String carol = slack.user("carol");
      String general = slack.channel("general", false, alice, alice, bob, carol);
      String announce = slack.channel("incidents", false, alice, alice);
      Map<String, String> env =
          Map.of(
              "SLACK_BOT_TOKEN",
              TestApp.BOT_TOKEN,
              "SLACK_SIGNING_SECRET",
              TestApp.SIGNING_SECRET,
              "SLACK_API_URL",
              slack.apiUrl(),
              "MICRONAUT_SERVER_PORT",
              String.valueOf(WarroomProcess.freePort()),
              "WARROOM_ANNOUNCE_CHANNEL",
              announce,
              "DATASOURCES_DEFAULT_URL",
              "jdbc:h2:file:"
                  + data.resolve("warroom")
                  + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE");
      try (WarroomProcess app = WarroomProcess.start(env, jar)) {
        Duration ready = app.awaitHealthy(Duration.ofSeconds(60));
        System.out.println("jar healthy after " + ready.toMillis() + " ms");
        slack.connect(app.eventsUrl());
        String day = LocalDate.now(ZoneOffset.UTC).format(DateTimeFormatter.BASIC_ISO_DATE);

        long start = System.nanoTime();
        AppLink.Reply ack =
            slack.app().command(alice, general, "declare sev1 Payments API returning 500s");
        long ackMillis = (System.nanoTime() - start) / 1_000_000;
        assertEquals(200, ack.status());
        assertTrue(ackMillis < 3000, "acked in " + ackMillis + " ms");
        Room first = Room.await(slack, "inc-" + day + "-payments-api-returning-500s");
        assertTrue(first.members().contains(alice));
        // The topic is set side by side with the other steps after the card: it may come last.
        TestApp.await(
            "the topic",
            () -> String.valueOf(first.topic()).startsWith("SEV1 | Investigating | IC: none yet"));
        TestApp.await(
            "announcement",
            () ->
                slack.messages(announce).stream()
                    .anyMatch(m -> m.allText().contains("<#" + first.id + ">")));

        slack.app().command(alice, general, "declare sev1 Payments API returning 500s");
        Room second = Room.await(slack, "inc-" + day + "-payments-api-returning-500s-2");

        slack.app().command(alice, first.id, "ic @bob");
        TestApp.await("IC on the topic", () -> first.topic().contains("IC: <@" + bob + ">"));
        TestApp.await(
            "IC on the card",
            () -> first.card().allText().contains("*Incident Commander*\\n<@" + bob + ">"));

        slack.join(carol, second.id);
        slack.app().click(carol, second.id, second.card().ts(), "warroom_take_command", null);
        TestApp.await(
            "Take command on the topic", () -> second.topic().contains("IC: <@" + carol + ">"));
        TestApp.await(
            "Take command on the card",
            () -> second.card().allText().contains("*Incident Commander*\\n<@" + carol + ">"));
      }
    }
  }
}
