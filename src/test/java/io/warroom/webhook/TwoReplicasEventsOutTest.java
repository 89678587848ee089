package io.warroom.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.MeterRegistry;
import io.warroom.fakeslack.FakeSlack;
import io.warroom.support.Postgres;
import io.warroom.support.Room;
import io.warroom.support.TestApp;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Two replicas on one PostgreSQL, both sending: every event reaches the receiver once (not once per
 * replica), each incident's in order, and a refusing endpoint is sent each event once in all.
 */
class TwoReplicasEventsOutTest {

  @Test
  void twoReplicasSendEachEventOnceAndInOrder() throws Exception {
    String db = Postgres.newDatabase();
    try (Receiver good = new Receiver(EventsOutTest.SECRET);
        Receiver refusing = new Receiver(EventsOutTest.SECRET);
        FakeSlack slack = FakeSlack.start(TestApp.BOT_TOKEN, TestApp.SIGNING_SECRET)) {
      good.delayMillis = 40; // slow enough that both replicas find work to take
      refusing.answer = 400;
      Map<String, Object> props =
          Map.of(
              "warroom.webhook.urls",
              good.url() + "," + refusing.url(),
              "warroom.webhook.secret",
              EventsOutTest.SECRET,
              "warroom.webhook.sweep",
              "50ms");
      String alice = slack.user("alice");
      String general = slack.channel("general", false, alice, alice);
      TestApp a = TestApp.start(slack, db, props);
      TestApp b = TestApp.start(slack, db, props);
      try {
        int incidents = 6;
        for (int i = 1; i <= incidents; i++) {
          slack.app().command(alice, general, "declare sev3 Replica events " + i);
        }
        for (int i = 1; i <= incidents; i++) {
          Room room = Room.awaitContaining(slack, "replica-events-" + i);
          slack.app().command(alice, room.id, "sev 2");
          slack.app().command(alice, room.id, "update Looking into it");
          slack.app().command(alice, room.id, "mitigated");
        }
        int events = incidents * 4;
        TestApp.await(
            "every event delivered",
            Duration.ofSeconds(60),
            () -> good.accepted().size() >= events);
        TestApp.await(
            "every event sent to the refusing endpoint",
            Duration.ofSeconds(60),
            () -> refusing.requests() >= events);
        // Several sweeps of both replicas: nothing may come twice.
        TestApp.holds(
            "each event sent once in all, to both endpoints",
            Duration.ofSeconds(1),
            () -> good.requests() == events && refusing.requests() == events);
        Set<String> ids = new HashSet<>();
        good.accepted().forEach(g -> assertTrue(ids.add(g.webhookId())));
        for (long incident :
            good.accepted().stream().map(Receiver.Got::incident).distinct().toList()) {
          assertEquals(
              List.of(
                  "io.warroom.incident.declared",
                  "io.warroom.incident.severity_changed",
                  "io.warroom.incident.status_updated",
                  "io.warroom.incident.mitigated"),
              good.types(incident),
              "incident " + incident);
        }
        assertTrue(delivered(a) > 0 && delivered(b) > 0, delivered(a) + " / " + delivered(b));
        assertEquals(events, delivered(a) + delivered(b));
      } finally {
        a.stopApp();
        b.stopApp();
      }
    }
  }

  private static double delivered(TestApp app) {
    return app.bean(MeterRegistry.class)
        .get("warroom.webhook.deliveries")
        .tag("result", "delivered")
        .counter()
        .count();
  }
}
