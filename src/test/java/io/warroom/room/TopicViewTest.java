package io.warroom.room;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.warroom.incident.Incident;
import io.warroom.incident.Severity;
import io.warroom.incident.Status;
import java.time.Instant;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("fast")
public class TopicViewTest {

  public static Incident incident(String title, String commander) {
    return new Incident(
        7L,
        "k",
        title,
        null,
        Severity.SEV1,
        Status.INVESTIGATING,
        false,
        false,
        "U1",
        commander,
        null,
        null,
        null,
        Instant.parse("2026-11-22T03:00:00Z"),
        null,
        null,
        0);
  }

  @Test
  void showsSeverityStatusAndCommander() {
    assertEquals(
        "SEV1 | Investigating | IC: <@U9> | Payments down",
        TopicView.render(incident("Payments down", "U9")));
    assertEquals(
        "SEV1 | Investigating | IC: none yet | Payments down",
        TopicView.render(incident("Payments down", null)));
  }

  @Test
  void escapesAndFitsSlacksLimit() {
    String topic = TopicView.render(incident("<!channel> & " + "x".repeat(300), "U9"));
    assertTrue(topic.length() <= 250, topic.length() + "");
    assertTrue(topic.contains("&lt;!channel&gt; &amp;"), topic);
  }

  @Test
  void aTitleThatEscapingMakesLongerStillFits() {
    String topic = TopicView.render(incident("&".repeat(150), "U9"));
    assertTrue(topic.length() <= 250, topic.length() + "");
    assertTrue(topic.matches(".*\\| (&amp;)+…"), "whole entities, then the cut: " + topic);
  }
}
