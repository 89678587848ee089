package io.warroom.hypothesis;

import io.warroom.chat.ChatAction;
import io.warroom.chat.ChatMessage;
import io.warroom.chat.ChatMessage.Actions;
import io.warroom.chat.ChatMessage.Block;
import io.warroom.chat.ChatMessage.Button;
import io.warroom.chat.ChatMessage.Confirm;
import io.warroom.chat.ChatMessage.Context;
import io.warroom.chat.ChatMessage.Header;
import io.warroom.chat.ChatMessage.Section;
import io.warroom.chat.ChatMessage.Style;
import io.warroom.chat.Mrkdwn;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The hypothesis board, drawn from state: a pure function of an incident's hypotheses and the time.
 * Hypotheses still in play come first, each with its buttons; settled ones follow as short lines.
 * It stays within Slack's limits (50 blocks a message, 3,000 characters a section) however many
 * there are, and says how many it leaves out.
 */
final class BoardView {

  static final int MAX_BLOCKS = 50;
  static final int MAX_SECTION = 3000;

  /** Settled hypotheses share at most this many sections; the rest of the room is for live ones. */
  static final int SETTLED_SECTIONS = 2;

  private static final int NOTE_ON_BOARD = 150;

  private BoardView() {}

  static ChatMessage render(List<Hypothesis> all, Instant now, Duration staleAfter) {
    List<Hypothesis> live =
        all.stream()
            .filter(h -> !h.state().isSettled())
            .sorted(
                Comparator.comparing((Hypothesis h) -> h.state() != HypothesisState.INVESTIGATING)
                    .thenComparingInt(Hypothesis::number))
            .toList();
    List<Hypothesis> settled =
        all.stream()
            .filter(h -> h.state().isSettled())
            .sorted(
                Comparator.comparing((Hypothesis h) -> h.state() != HypothesisState.CONFIRMED)
                    .thenComparingInt(Hypothesis::number))
            .toList();
    List<String> settledSections = pack(settled.stream().map(BoardView::settledLine).toList());
    int settledShown = countLines(settledSections);

    List<Block> blocks = new ArrayList<>();
    blocks.add(new Header("Hypothesis board"));
    blocks.add(new Context(List.of(summary(all))));
    int fixed = blocks.size() + settledSections.size();
    int liveShown = Math.min(live.size(), (MAX_BLOCKS - fixed) / 2);
    if (liveShown < live.size() || settledShown < settled.size()) {
      liveShown = Math.min(live.size(), (MAX_BLOCKS - fixed - 1) / 2); // room for the footer
    }
    for (Hypothesis h : live.subList(0, liveShown)) {
      blocks.add(new Section(liveText(h, now, staleAfter), List.of(), null));
      blocks.add(new Actions(buttons(h)));
    }
    settledSections.forEach(text -> blocks.add(new Section(text, List.of(), null)));
    int hidden = live.size() - liveShown + settled.size() - settledShown;
    if (hidden > 0) {
      blocks.add(
          new Context(
              List.of(
                  ":information_source: "
                      + hidden
                      + (hidden == 1 ? " more hypothesis is" : " more hypotheses are")
                      + " not shown here (a Slack message holds only so much):"
                      + " `/incident hypotheses` lists them all.")));
    }
    return new ChatMessage(fallback(all), blocks);
  }

  private static String summary(List<Hypothesis> all) {
    return count(all, HypothesisState.OPEN)
        + " open · "
        + count(all, HypothesisState.INVESTIGATING)
        + " being checked · "
        + count(all, HypothesisState.CONFIRMED)
        + " confirmed · "
        + count(all, HypothesisState.RULED_OUT)
        + " ruled out. Press *I'll check* before you start on one, so nobody chases it twice;"
        + " `/incident hypothesis <text>` adds one.";
  }

  private static String fallback(List<Hypothesis> all) {
    return "Hypothesis board: "
        + count(all, HypothesisState.OPEN)
        + " open, "
        + count(all, HypothesisState.INVESTIGATING)
        + " being checked, "
        + count(all, HypothesisState.CONFIRMED)
        + " confirmed, "
        + count(all, HypothesisState.RULED_OUT)
        + " ruled out";
  }

  private static long count(List<Hypothesis> all, HypothesisState state) {
    return all.stream().filter(h -> h.state() == state).count();
  }

  static boolean isStale(Hypothesis h, Instant now, Duration staleAfter) {
    return h.state() == HypothesisState.INVESTIGATING
        && Duration.between(h.changedAt(), now).compareTo(staleAfter) > 0;
  }

  private static String liveText(Hypothesis h, Instant now, Duration staleAfter) {
    StringBuilder s = new StringBuilder();
    s.append('*').append(h.name()).append("* ").append(Mrkdwn.escape(h.text()));
    link(s, h);
    s.append('\n');
    List<String> owners = h.ownerList();
    if (owners.isEmpty()) {
      s.append(":white_circle: open, nobody on it yet");
    } else {
      s.append(":mag: investigating: ")
          .append(String.join(", ", owners.stream().map(Mrkdwn::user).toList()));
    }
    s.append(" · raised by ")
        .append(Mrkdwn.user(h.raisedBy()))
        .append(' ')
        .append(Mrkdwn.date(h.raisedAt(), "{ago}"));
    if (isStale(h, now, staleAfter)) {
      s.append("\n:hourglass_flowing_sand: *stale*: no change since ")
          .append(Mrkdwn.date(h.changedAt(), "{ago}"))
          .append(". Confirm it, rule it out, or say in the thread what is blocking.");
    }
    if (owners.size() > 1) {
      s.append("\n:busts_in_silhouette: *doubled work*: ")
          .append(owners.size())
          .append(" people are on it (")
          .append(String.join(", ", owners.stream().map(Mrkdwn::user).toList()))
          .append("). Split it, or one of you take another.");
    }
    return Mrkdwn.truncateFormatted(s.toString(), MAX_SECTION);
  }

  private static String settledLine(Hypothesis h) {
    StringBuilder s = new StringBuilder();
    s.append(h.state() == HypothesisState.CONFIRMED ? ":white_check_mark: " : ":x: ")
        .append('*')
        .append(h.name())
        .append("* ")
        .append(h.state().label())
        .append(" by ")
        .append(Mrkdwn.user(h.closedBy()))
        .append(": ")
        .append(Mrkdwn.escape(h.text()));
    link(s, h);
    if (h.note() != null) {
      s.append(" — _").append(Mrkdwn.escape(Mrkdwn.truncate(h.note(), NOTE_ON_BOARD))).append('_');
    }
    return s.toString();
  }

  private static void link(StringBuilder s, Hypothesis h) {
    String url = h.link();
    if (url != null && url.matches("https?://[^\\s<>|]+")) {
      s.append(" <").append(url).append("|(message)>");
    }
  }

  /** Lines packed into at most {@link #SETTLED_SECTIONS} sections of at most 3,000 characters. */
  private static List<String> pack(List<String> lines) {
    List<String> sections = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (String line : lines) {
      if (current.length() > 0 && current.length() + 1 + line.length() > MAX_SECTION) {
        sections.add(current.toString());
        current = new StringBuilder();
        if (sections.size() == SETTLED_SECTIONS) {
          return sections;
        }
      }
      if (current.length() > 0) {
        current.append('\n');
      }
      current.append(line);
    }
    if (current.length() > 0) {
      sections.add(current.toString());
    }
    return sections;
  }

  private static int countLines(List<String> sections) {
    return sections.stream().mapToInt(s -> (int) s.lines().count()).sum();
  }

  private static List<ChatMessage.Control> buttons(Hypothesis h) {
    String id = String.valueOf(h.id());
    return List.of(
        new Button(ChatAction.HYPOTHESIS_CHECK, "I'll check " + h.name(), id, Style.DEFAULT, null),
        new Button(
            ChatAction.HYPOTHESIS_CONFIRM,
            "Confirm",
            id,
            Style.PRIMARY,
            new Confirm(
                "Confirm " + h.name() + "?",
                "Everyone will see "
                    + h.name()
                    + " as the confirmed cause, here and in the"
                    + " timeline. Add a note with `/incident confirm "
                    + h.name()
                    + " <note>`.",
                "Confirm",
                "Cancel")),
        new Button(
            ChatAction.HYPOTHESIS_RULE_OUT,
            "Rule out",
            id,
            Style.DANGER,
            new Confirm(
                "Rule out " + h.name() + "?",
                "Everyone will see "
                    + h.name()
                    + " as ruled out. Add a note with"
                    + " `/incident ruleout "
                    + h.name()
                    + " <note>`.",
                "Rule out",
                "Cancel")));
  }
}
