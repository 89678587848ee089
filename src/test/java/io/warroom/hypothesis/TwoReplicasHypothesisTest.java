package io.warroom.hypothesis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.warroom.fakeslack.FakeSlack;
import io.warroom.fakeslack.SlackSimulator.Posted;
import io.warroom.room.WarRooms;
import io.warroom.support.Async;
import io.warroom.support.Postgres;
import io.warroom.support.Room;
import io.warroom.support.TestApp;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * Two replicas on one PostgreSQL add hypotheses to one incident at the same time, then both stop
 * and a new process takes over: numbers stay unique, and there is one board message, redrawn.
 */
class TwoReplicasHypothesisTest {

  @Test
  void numbersAreUniqueAndThereIsOneBoardAcrossReplicasAndARestart() {
    String db = Postgres.newDatabase();
    try (FakeSlack slack = FakeSlack.start(TestApp.BOT_TOKEN, TestApp.SIGNING_SECRET)) {
      String alice = slack.user("alice");
      String bob = slack.user("bob");
      String general = slack.channel("general", false, alice, alice, bob);
      Map<String, Object> props = Map.of("warroom.delivery.sweep", "50ms");
      TestApp a = TestApp.start(slack, db, props);
      TestApp b = TestApp.start(slack, db, props);
      Room room;
      try {
        slack
            .faults()
            .always("chat.update", io.warroom.fakeslack.Faults.Fault.slow(Duration.ofMillis(50)));
        slack.app().command(alice, general, "declare sev1 Replicas disagree");
        room = Room.awaitContaining(slack, "replicas-disagree");
        long incident = a.bean(WarRooms.class).incidentIn(room.id).orElseThrow();
        List<CompletableFuture<Hypothesis>> raised = new ArrayList<>();
        for (int i = 1; i <= 20; i++) {
          TestApp replica = i % 2 == 0 ? a : b;
          String text = "suspect " + i;
          raised.add(
              Async.run(() -> replica.bean(Hypotheses.class).raise(incident, text, null, alice)));
        }
        List<Integer> numbers =
            raised.stream().map(CompletableFuture::join).map(Hypothesis::number).sorted().toList();
        assertEquals(
            java.util.stream.IntStream.rangeClosed(1, 20).boxed().toList(),
            numbers,
            "H1..H20, each once");
        TestApp.await(
            "the board shows all twenty",
            Duration.ofSeconds(30),
            () ->
                boards(slack, room).size() == 1
                    && boards(slack, room).get(0).text().contains("20 open"));
      } finally {
        a.stopApp();
        b.stopApp();
      }
      String ts = boards(slack, room).get(0).ts();
      TestApp c = TestApp.start(slack, db, props);
      try {
        slack.connect(URI.create("http://127.0.0.1:" + c.server.getPort() + "/slack/events"));
        assertTrue(
            slack
                .app()
                .command(bob, room.id, "hypothesis after the restart")
                .text()
                .contains("*H21*"));
        TestApp.await(
            "the same board, redrawn",
            Duration.ofSeconds(30),
            () -> boards(slack, room).get(0).allText().contains("after the restart"));
        assertEquals(1, boards(slack, room).size(), "one board, never two");
        assertEquals(ts, boards(slack, room).get(0).ts());
      } finally {
        c.close();
      }
    }
  }

  private static List<Posted> boards(FakeSlack slack, Room room) {
    return slack.messages(room.id).stream()
        .filter(m -> m.text().startsWith("Hypothesis board"))
        .toList();
  }
}
