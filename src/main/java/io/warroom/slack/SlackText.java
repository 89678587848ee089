package io.warroom.slack;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads text as Slack sends it ({@code should_escape}: entities, {@code <@U…|name>} mentions,
 * {@code <!here>}, links) and turns it into the plain text the person typed. Warroom stores plain
 * text and escapes it again whenever it posts, so nothing a user typed can become a mention.
 */
public final class SlackText {

  private static final Pattern TOKEN = Pattern.compile("<([^<>]*)>");
  private static final Pattern USER = Pattern.compile("<@([UW][A-Z0-9]+)(?:\\|[^>]*)?>");

  private SlackText() {}

  public static String plain(String slack) {
    if (slack == null) {
      return "";
    }
    Matcher m = TOKEN.matcher(slack);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(out, Matcher.quoteReplacement(readable(m.group(1))));
    }
    m.appendTail(out);
    return out.toString().replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
  }

  private static String readable(String inner) {
    int bar = inner.indexOf('|');
    String target = bar < 0 ? inner : inner.substring(0, bar);
    String label = bar < 0 ? null : inner.substring(bar + 1);
    if (target.startsWith("@")) {
      return "@" + (label != null ? label : target.substring(1));
    }
    if (target.startsWith("#")) {
      return "#" + (label != null ? label : target.substring(1));
    }
    if (target.startsWith("!subteam^")) {
      return label != null ? label : "@group";
    }
    if (target.startsWith("!date^")) {
      return label != null ? label : "";
    }
    if (target.startsWith("!")) {
      return "@" + target.substring(1);
    }
    return label != null ? label + " (" + target + ")" : target;
  }

  /** The user id of a single mention token such as {@code <@U123|alice>}. */
  public static Optional<String> userId(String token) {
    Matcher m = USER.matcher(token == null ? "" : token.trim());
    return m.matches() ? Optional.of(m.group(1)) : Optional.empty();
  }

  /** Splits off the first word: {@code [word, rest]}, rest possibly empty. */
  public static String[] firstWord(String text) {
    String t = text == null ? "" : text.strip();
    int space = indexOfWhitespace(t);
    return space < 0
        ? new String[] {t, ""}
        : new String[] {t.substring(0, space), t.substring(space).strip()};
  }

  private static int indexOfWhitespace(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (Character.isWhitespace(s.charAt(i))) {
        return i;
      }
    }
    return -1;
  }
}
