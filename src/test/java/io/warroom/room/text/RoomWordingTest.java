package io.warroom.room.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.warroom.chat.ChatMessage;
import io.warroom.heartbeat.HeartbeatSettings;
import io.warroom.incident.Incident;
import io.warroom.incident.IncidentEvent;
import io.warroom.incident.Severity;
import io.warroom.room.CardView;
import io.warroom.room.TopicViewTest;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * What the room's card and a severity change say, as pure functions of the incident: checked
 * without starting the app (the end-to-end tests check that they reach Slack).
 */
@Tag("fast")
class RoomWordingTest {

  private static final Instant DUE = Instant.parse("2026-11-22T03:30:00Z");
  private static final HeartbeatSettings HEARTBEAT =
      new HeartbeatSettings(
          Map.of(
              Severity.SEV1, Optional.of(Duration.ofMinutes(15)),
              Severity.SEV4, Optional.empty()),
          Duration.ofSeconds(10));

  @Test
  void theCardNamesSeverityTitleAndWhoIsInCommand() {
    String card = text(CardView.render(TopicViewTest.incident("Payments down", "U9"), null));
    assertTrue(card.contains("SEV1 · Payments down"), card);
    assertTrue(card.contains("<@U9>"), card);
  }

  @Test
  void aCardWithoutACommanderAsksSomeoneToTakeCommand() {
    String card = text(CardView.render(TopicViewTest.incident("Payments down", null), null));
    assertTrue(card.contains("nobody yet: press *Take command*"), card);
  }

  @Test
  void theCardSaysWhenTheNextUpdateIsDueOnlyWhileOneIsOwed() {
    Incident open = TopicViewTest.incident("Payments down", "U9");
    assertTrue(text(CardView.render(open, DUE)).contains("Next status update due <!date^"));
    assertFalse(text(CardView.render(open, null)).contains("Next status update due"));
  }

  @Test
  void aSeverityChangeSaysTheNewCadence() {
    Incident now = TopicViewTest.incident("Payments down", "U9");
    String said =
        LifecycleMessages.severityChanged(
                new IncidentEvent.SeverityChanged(now, Severity.SEV2, "U9", DUE), HEARTBEAT)
            .text();
    assertEquals(
        ":arrow_up_down: Severity changed *SEV2 → SEV1* by <@U9>. Status updates are now due"
            + " every 15 min.",
        said);
  }

  private static String text(ChatMessage message) {
    return message.text() + "\n" + message.blocks();
  }
}
