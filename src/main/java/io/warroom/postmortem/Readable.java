package io.warroom.postmortem;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Slack mrkdwn made readable in Markdown: mentions become {@code @name}, channel links {@code
 * #name}, links {@code [label](url)}, and Slack's entities plain characters.
 */
final class Readable {

  private static final Pattern TOKEN = Pattern.compile("<([^<>]*)>");

  private Readable() {}

  static String text(String slack, Map<String, String> names) {
    if (slack == null) {
      return "";
    }
    Matcher m = TOKEN.matcher(slack);
    StringBuilder out = new StringBuilder(slack.length() + 16);
    while (m.find()) {
      m.appendReplacement(out, Matcher.quoteReplacement(token(m.group(1), names)));
    }
    m.appendTail(out);
    return out.toString().replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
  }

  /** One line of text: newlines folded, for list items and table cells. */
  static String line(String slack, Map<String, String> names) {
    return text(slack, names).replaceAll("\\s*\\n\\s*", " / ").replace("|", "\\|").strip();
  }

  static String user(String id, Map<String, String> names) {
    if (id == null) {
      return "Warroom";
    }
    return "@" + names.getOrDefault(id, id);
  }

  private static String token(String inner, Map<String, String> names) {
    int bar = inner.indexOf('|');
    String target = bar < 0 ? inner : inner.substring(0, bar);
    String label = bar < 0 ? null : inner.substring(bar + 1);
    if (target.startsWith("@")) {
      String id = target.substring(1);
      return "@" + names.getOrDefault(id, label != null ? label : id);
    }
    if (target.startsWith("#")) {
      return "#"
          + (label != null ? label : names.getOrDefault(target.substring(1), target.substring(1)));
    }
    if (target.startsWith("!date^")) {
      return label != null ? label : "";
    }
    if (target.startsWith("!subteam^")) {
      return label != null ? label : "@group";
    }
    if (target.startsWith("!")) {
      return "@" + target.substring(1);
    }
    return label != null ? "[" + label + "](" + target + ")" : target;
  }
}
