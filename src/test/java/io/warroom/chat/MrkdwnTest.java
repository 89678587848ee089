package io.warroom.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("fast")
class MrkdwnTest {

  @Test
  void splitsLongTextWithoutLosingOrBreakingAnything() {
    String text = Mrkdwn.escape("<b>&</b> ".repeat(400)) + Mrkdwn.user("U123") + " done";
    List<String> pieces = Mrkdwn.split(text, 3000);

    assertTrue(pieces.size() > 1, "split into " + pieces.size());
    assertEquals(text, String.join("", pieces), "nothing left out");
    for (String piece : pieces) {
      assertTrue(piece.length() <= 3000, piece.length() + " characters");
      // Each piece starts and ends on a whole entity: no "&am" | "p;" across a cut.
      String rest = piece.replaceAll("&(amp|lt|gt);|<@U123>", "");
      assertTrue(rest.chars().noneMatch(c -> "&;<>".indexOf(c) >= 0), piece);
    }
  }

  @Test
  void splitsAtALineBreakOrASpaceWhereThereIsOne() {
    String text = "a".repeat(2000) + "\n" + "b".repeat(1500) + " " + "c".repeat(10);
    assertEquals(
        List.of("a".repeat(2000) + "\n", "b".repeat(1500) + " " + "c".repeat(10)),
        Mrkdwn.split(text, 3000));
    assertEquals(List.of("short"), Mrkdwn.split("short", 3000));
  }
}
