package io.warroom.chat;

import java.time.Instant;

/**
 * Builds mrkdwn safely. User text always goes through {@link #escape}, so nobody can make the bot
 * post {@code <!channel>}, a fake mention or a link on their behalf.
 */
public final class Mrkdwn {

  private Mrkdwn() {}

  /** Escapes the three characters Slack treats as control sequences. */
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
        default -> out.append(c);
      }
    }
    return out.toString();
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
