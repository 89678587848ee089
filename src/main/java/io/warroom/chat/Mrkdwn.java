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
    int cut = max - 1;
    int open = slackText.lastIndexOf('<', cut);
    if (open >= 0 && slackText.indexOf('>', open) >= cut) {
      cut = open;
    }
    int amp = slackText.lastIndexOf('&', cut);
    if (amp >= 0 && slackText.indexOf(';', amp) >= cut && cut - amp < 6) {
      cut = amp;
    }
    return slackText.substring(0, cut) + "…";
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
