package io.warroom.chat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds mrkdwn safely. User text always goes through {@link #escape}, so nobody can make the bot
 * post {@code <!channel>}, a fake mention or a link on their behalf.
 */
public final class Mrkdwn {

  private Mrkdwn() {}

  /**
   * Escapes the three characters Slack treats as control sequences, and drops the controls that
   * reorder text (right-to-left override, isolates), which can make a message read differently from
   * what it says.
   */
  public static String escape(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '\u202A', '\u202B', '\u202C', '\u202D', '\u202E' -> {}
        case '\u2066', '\u2067', '\u2068', '\u2069' -> {}
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  private static final java.util.regex.Pattern BROADCAST =
      java.util.regex.Pattern.compile("<!(here|channel|everyone|subteam\\^[^>|]*)(?:\\|([^>]*))?>");

  /**
   * Makes Slack-formatted text (as Slack sends it, entities already escaped) safe to post again:
   * {@code <!channel>}, {@code <!here>}, {@code <!everyone>} and group mentions become plain text
   * that pings nobody; user mentions, channels and links stay.
   */
  public static String defuse(String slackText) {
    if (slackText == null) {
      return "";
    }
    java.util.regex.Matcher m = BROADCAST.matcher(slackText);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String name = m.group(2) != null ? m.group(2) : "@" + m.group(1);
      m.appendReplacement(
          out,
          java.util.regex.Matcher.quoteReplacement(
              escape(name.startsWith("@") ? name : "@" + name)));
    }
    m.appendTail(out);
    return out.toString();
  }

  /** Shortens Slack-formatted text without cutting a {@code <...>} token or an entity in half. */
  public static String truncateFormatted(String slackText, int max) {
    if (slackText.length() <= max) {
      return slackText;
    }
    return slackText.substring(0, safeCut(slackText, max - 1)) + "…";
  }

  /**
   * Splits Slack-formatted text into pieces of at most {@code max} characters, at a line break or
   * else a space where there is one, and never inside a {@code <...>} token or an entity; nothing
   * is left out.
   */
  public static List<String> split(String slackText, int max) {
    List<String> pieces = new ArrayList<>();
    String rest = slackText;
    while (rest.length() > max) {
      int cut = safeCut(rest, max);
      int newline = rest.lastIndexOf('\n', cut - 1);
      int space = rest.lastIndexOf(' ', cut - 1);
      if (newline > max / 2) {
        cut = safeCut(rest, newline + 1);
      } else if (space > max / 2) {
        cut = safeCut(rest, space + 1);
      }
      if (cut == 0) {
        cut = max; // one token longer than a piece: nothing better than cutting it
      }
      pieces.add(rest.substring(0, cut));
      rest = rest.substring(cut);
    }
    pieces.add(rest);
    return pieces;
  }

  /** The largest end at most {@code end} that cuts no {@code <...>} token or entity in half. */
  private static int safeCut(String slackText, int end) {
    int cut = end;
    int open = slackText.lastIndexOf('<', cut - 1);
    if (open >= 0 && slackText.lastIndexOf('>', cut - 1) < open) {
      cut = open;
    }
    int amp = slackText.lastIndexOf('&', cut - 1);
    if (amp >= 0 && cut - amp < 6 && slackText.lastIndexOf(';', cut - 1) < amp) {
      cut = amp;
    }
    return cut;
  }

  public static String user(String userId) {
    return "<@" + userId + ">";
  }

  public static String channel(String channelId) {
    return "<#" + channelId + ">";
  }

  /**
   * A time every reader sees in their own time zone; {@code format} uses Slack's tokens such as
   * {@code {date_short_pretty}}, {@code {time}} or {@code {ago}}.
   */
  public static String date(Instant at, String format) {
    return "<!date^" + at.getEpochSecond() + "^" + format + "|" + at + ">";
  }

  /** Cuts text to a length, marking the cut with an ellipsis. */
  public static String truncate(String text, int max) {
    if (text.length() <= max) {
      return text;
    }
    return text.substring(0, Math.max(0, max - 1)) + "…";
  }
}
