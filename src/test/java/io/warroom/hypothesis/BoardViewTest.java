package io.warroom.hypothesis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.warroom.chat.ChatMessage;
import io.warroom.chat.ChatMessage.Actions;
import io.warroom.chat.ChatMessage.Block;
import io.warroom.chat.ChatMessage.Context;
import io.warroom.chat.ChatMessage.Section;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The board as a pure function of the hypotheses and the time. */
class BoardViewTest {

  private static final Instant NOW = Instant.parse("2026-12-06T14:30:00Z");
  private static final Duration STALE = Duration.ofMinutes(15);

  private static Hypothesis h(
      int n, HypothesisState state, String owners, Instant changedAt, String text) {
    boolean settled = state.isSettled();
    return new Hypothesis(
        (long) n,
        1,
        n,
        text,
        null,
        "U1",
        NOW.minus(Duration.ofHours(1)),
        state,
        owners,
        changedAt,
        false,
        settled ? "U9" : null,
        settled ? changedAt : null,
        settled ? "n".repeat(500) : null);
  }

  private static String text(ChatMessage m) {
    StringBuilder s = new StringBuilder();
    for (Block b : m.blocks()) {
      if (b instanceof Section sec) {
        s.append(sec.text()).append('\n');
      } else if (b instanceof Context c) {
        c.elements().forEach(e -> s.append(e).append('\n'));
      }
    }
    return s.toString();
  }

  @Test
  void staleAfterFifteenMinutesWithNoChangeAndDoubledWorkShown() {
    List<Hypothesis> all =
        List.of(
            h(1, HypothesisState.INVESTIGATING, "U2", NOW.minus(Duration.ofMinutes(16)), "a"),
            h(2, HypothesisState.INVESTIGATING, "U2,U3", NOW.minus(Duration.ofMinutes(14)), "b"),
            h(3, HypothesisState.OPEN, "", NOW.minus(Duration.ofMinutes(40)), "c"));
    String text = text(BoardView.render(all, NOW, STALE));
    String[] lines = text.split("\\*H");
    assertTrue(lines[1].startsWith("1*") && lines[1].contains("*stale*"), lines[1]);
    assertFalse(lines[2].contains("*stale*"), lines[2]);
    assertTrue(lines[2].contains("*doubled work*: 2 people are on it (<@U2>, <@U3>)"), lines[2]);
    assertFalse(lines[3].contains("*stale*"), "open is not stale: nobody is on it: " + lines[3]);
    assertTrue(lines[3].contains("open, nobody on it yet"), lines[3]);
    assertTrue(text.contains("1 open · 2 being checked · 0 confirmed · 0 ruled out"), text);
  }

  @Test
  void sixtyLongHypothesesFitInFiftyBlocksAndTheRestAreCounted() {
    List<Hypothesis> all = new ArrayList<>();
    for (int i = 1; i <= 60; i++) {
      HypothesisState state =
          i <= 20
              ? HypothesisState.RULED_OUT
              : i <= 22 ? HypothesisState.CONFIRMED : HypothesisState.OPEN;
      all.add(h(i, state, "", NOW, "x".repeat(Hypotheses.MAX_TEXT)));
    }
    ChatMessage board = BoardView.render(all, NOW, STALE);
    assertTrue(board.blocks().size() <= BoardView.MAX_BLOCKS, "" + board.blocks().size());
    long liveShown = board.blocks().stream().filter(b -> b instanceof Actions).count();
    long settledShown =
        board.blocks().stream()
            .filter(b -> b instanceof Section s && !s.text().startsWith("*H"))
            .mapToLong(b -> ((Section) b).text().lines().count())
            .sum();
    for (Block b : board.blocks()) {
      if (b instanceof Section s) {
        assertTrue(s.text().length() <= 3000, "section of " + s.text().length());
      }
    }
    long hidden = 60 - liveShown - settledShown;
    assertTrue(hidden > 0);
    assertTrue(text(board).contains(hidden + " more hypotheses are not shown here"), text(board));
    assertTrue(board.blocks().size() >= BoardView.MAX_BLOCKS - 1, "uses the room it has");
  }

  @Test
  void aFewHypothesesAreAllShownWithNoFooter() {
    List<Hypothesis> all = new ArrayList<>();
    for (int i = 1; i <= 24; i++) {
      all.add(h(i, HypothesisState.OPEN, "", NOW, "short"));
    }
    ChatMessage board = BoardView.render(all, NOW, STALE);
    assertEquals(2 + 48, board.blocks().size());
    assertFalse(text(board).contains("not shown"));
  }
}
