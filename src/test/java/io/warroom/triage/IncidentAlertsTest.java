package io.warroom.triage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.warroom.fakeslack.FakeSlack;
import io.warroom.support.AlertPayloads;
import io.warroom.support.Room;
import io.warroom.support.TestApp;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Alerts inside the incident: {@code /incident attach} lists and attaches, the incident card shows
 * the attached alerts, the timeline records fired and resolved, and the war room hears of a change
 * at most once a minute per group.
 */
class IncidentAlertsTest {

  static final String TOKEN = "integration-token-inside";

  private static ObjectNode notification(String name, int firing, int resolved) {
    ObjectNode n =
        AlertPayloads.group(
            "{}:{alertname=\"" + name + "\"}", firing > 0 ? "firing" : "resolved", Map.of());
    for (int i = 0; i < firing + resolved; i++) {
      AlertPayloads.alert(
          n,
          i < firing ? "firing" : "resolved",
          Map.of("alertname", name, "severity", "warning", "instance", "node-" + i),
          Map.of(
              "summary", name + " <!channel> latency high",
              "runbook_url", "https://runbooks.example.com/" + name),
          "2026-12-06T02:47:00Z");
    }
    return n;
  }

  private static List<String> timeline(TestApp app, String kind) {
    List<String> out = new ArrayList<>();
    try (Connection c = DriverManager.getConnection(app.jdbcUrl, "sa", "");
        ResultSet rs =
            c.createStatement()
                .executeQuery(
                    "SELECT text FROM timeline_entry WHERE kind = '" + kind + "' ORDER BY id")) {
      while (rs.next()) {
        out.add(rs.getString(1));
      }
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
    return out;
  }

  private static long lines(Room room, String name) {
    return room.botMessages().stream()
        .filter(m -> m.text().contains(name) && !m.allText().contains("*Alerts*"))
        .count();
  }

  @Test
  void attachedAlertsShowOnTheCardInTheTimelineAndAsThrottledLines() throws Exception {
    FakeSlack slack = FakeSlack.start(TestApp.BOT_TOKEN, TestApp.SIGNING_SECRET);
    String alice = slack.user("alice");
    String alerts = slack.channel("alerts", false, alice, alice);
    slack.join(slack.botUserId(), alerts);
    try (TestApp app =
        TestApp.start(
            slack,
            TestApp.inMemoryDatabase(),
            Map.of("warroom.integration-token", TOKEN, "warroom.alerts.channel", alerts))) {
      slack.app().command(alice, alerts, "declare sev2 Checkout slow inside");
      Room room = Room.awaitContaining(slack, "checkout-slow-inside");
      AlertPayloads.send(app.url("/"), TOKEN, notification("ApiLatency", 1, 1));
      AlertPayloads.send(app.url("/"), TOKEN, notification("DbLatency", 1, 0));
      TestApp.await(
          "two triage cards",
          Duration.ofSeconds(20),
          () ->
              slack.messages(alerts).stream().filter(m -> m.allText().contains("Latency")).count()
                  == 2);

      int before = slack.ephemerals(alice).size();
      slack.app().command(alice, room.id, "attach");
      TestApp.await("the list", () -> slack.ephemerals(alice).size() > before);
      String list = slack.ephemerals(alice).get(slack.ephemerals(alice).size() - 1).allText();
      long api =
          app.bean(Triage.class).unattached(10).stream()
              .filter(g -> g.summary().startsWith("ApiLatency"))
              .findFirst()
              .orElseThrow()
              .id();
      assertTrue(list.contains("/incident attach " + api), list);
      assertTrue(list.contains("DbLatency"), list);
      assertTrue(!list.contains("<!channel>"), list);

      // Bad input: a clear answer, nothing attached.
      for (String[] bad :
          new String[][] {
            {room.id, "attach abc", "Write the alert's number"},
            {room.id, "attach 999999", "There is no alert 999999"},
            {alerts, "attach " + api, "in an incident's channel"}
          }) {
        int seen = slack.ephemerals(alice).size();
        slack.app().command(alice, bad[0], bad[1]);
        TestApp.await("the answer to " + bad[1], () -> slack.ephemerals(alice).size() > seen);
        String said = slack.ephemerals(alice).get(slack.ephemerals(alice).size() - 1).allText();
        assertTrue(said.contains(bad[2]), said);
      }
      assertEquals(2, app.bean(Triage.class).unattached(10).size(), "nothing attached");

      slack.app().command(alice, room.id, "attach " + api);
      TestApp.await(
          "the card showing the alert",
          Duration.ofSeconds(20),
          () -> room.card().allText().contains("1 of 2 firing"));
      String card = room.card().allText();
      assertTrue(card.contains("https://runbooks.example.com/ApiLatency|runbook"), card);
      assertTrue(!card.contains("<!channel>"), card);
      TestApp.await(
          "alert fired in the timeline",
          Duration.ofSeconds(20),
          () -> !timeline(app, "ALERT_FIRED").isEmpty());
      TestApp.await(
          "one line in the room", Duration.ofSeconds(20), () -> lines(room, "ApiLatency") == 1);

      // Within the minute: the card follows, the room hears nothing more.
      AlertPayloads.send(app.url("/"), TOKEN, notification("ApiLatency", 2, 0));
      TestApp.await(
          "the card redrawn",
          Duration.ofSeconds(20),
          () -> room.card().allText().contains("2 of 2 firing"));
      AlertPayloads.send(app.url("/"), TOKEN, notification("ApiLatency", 0, 2));
      TestApp.await(
          "alert resolved in the timeline",
          Duration.ofSeconds(20),
          () -> timeline(app, "ALERT_RESOLVED").size() == 1);
      TestApp.await(
          "the card showing it resolved",
          Duration.ofSeconds(20),
          () -> room.card().allText().contains("resolved, 2 alerts"));
      assertEquals(1, lines(room, "ApiLatency"), "at most one line per group a minute");
      assertEquals(1, timeline(app, "ALERT_FIRED").size());

      // A minute later (the last line moved back in time), the next change is worth a line.
      try (Connection c = DriverManager.getConnection(app.jdbcUrl, "sa", "")) {
        c.createStatement()
            .executeUpdate(
                "UPDATE alert_group SET room_line_at = room_line_at - INTERVAL '2' MINUTE");
      }
      AlertPayloads.send(app.url("/"), TOKEN, notification("ApiLatency", 1, 1));
      TestApp.await("a second line", Duration.ofSeconds(20), () -> lines(room, "ApiLatency") == 2);
      TestApp.await(
          "fired again in the timeline",
          Duration.ofSeconds(20),
          () -> timeline(app, "ALERT_FIRED").size() == 2);
    } finally {
      slack.close();
    }
  }
}
