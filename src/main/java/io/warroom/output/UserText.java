package io.warroom.output;

import io.warroom.chat.Mrkdwn;
import java.util.Locale;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one place that decides how user text (plain: Slack's entities already decoded) is written for
 * each target, so that it stays text there:
 *
 * <ul>
 *   <li>Slack mrkdwn: {@code &}, {@code <} and {@code >} escaped, so nobody pings {@code
 *       <!channel>} or forges a mention or a link through the bot ({@link Mrkdwn#escape});
 *   <li>Markdown: no raw HTML ({@code <} and {@code >} become entities), no link or image of the
 *       user's making ({@code [} and {@code ]} escaped); the only links are Slack's own, written by
 *       {@link #markdownLink} and only for http, https and mailto;
 *   <li>HTML: the five characters that matter escaped;
 *   <li>CSV: a cell that a spreadsheet would run as a formula (starting with {@code =}, {@code +},
 *       {@code -}, {@code @}, tab or CR) gets a leading {@code '}, as OWASP recommends; quoting is
 *       the CSV writer's.
 * </ul>
 *
 * Every target also drops the Unicode controls that reorder text (right-to-left override and
 * isolates), which can make text read differently from what it is.
 */
public final class UserText {

  /** U+202A-U+202E (embeddings and overrides) and U+2066-U+2069 (isolates). */
  private static final Pattern BIDI = Pattern.compile("[\\u202A-\\u202E\\u2066-\\u2069]");

  private static final Pattern TOKEN = Pattern.compile("<([^<>]*)>");

  private static final Pattern ENTITY = Pattern.compile("&(?=#?[A-Za-z0-9]+;)");

  private UserText() {}

  /** Text with the controls that reorder what is shown removed. */
  public static String inert(String text) {
    return text == null ? "" : BIDI.matcher(text).replaceAll("");
  }

  /** For Slack mrkdwn (bidi controls are dropped there too). */
  public static String mrkdwn(String plain) {
    return Mrkdwn.escape(plain);
  }

  /** For Markdown: literal text, whatever it holds. */
  public static String markdown(String plain) {
    String text = ENTITY.matcher(inert(plain)).replaceAll("&amp;");
    StringBuilder out = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '[' -> out.append("\\[");
        case ']' -> out.append("\\]");
        case '\\' -> out.append("\\\\");
        case '`' -> out.append("\\`");
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  /** For one line of Markdown (a list item or a table cell): line breaks folded, pipes escaped. */
  public static String markdownLine(String plain) {
    return markdown(plain).replaceAll("\\s*[\\r\\n]+\\s*", " / ").replace("|", "\\|").strip();
  }

  /**
   * A link Slack made ({@code <url|label>}) in Markdown. Only http, https and mailto targets become
   * links; anything else ({@code javascript:}, {@code data:}) is written as text.
   */
  public static String markdownLink(String url, String label) {
    String target = inert(url).strip();
    String scheme = target.toLowerCase(Locale.ROOT);
    boolean safe =
        scheme.startsWith("https://")
            || scheme.startsWith("http://")
            || scheme.startsWith("mailto:");
    if (!safe) {
      return markdown(label == null ? target : label + " (" + target + ")");
    }
    String shown = label == null || label.isBlank() ? target : label;
    return "["
        + markdown(shown)
        + "]("
        + target
            .replace(" ", "%20")
            .replace("(", "%28")
            .replace(")", "%29")
            .replace("<", "%3C")
            .replace(">", "%3E")
            .replace("\"", "%22")
        + ")";
  }

  /**
   * Slack-formatted text (as Slack delivers it: entities escaped, {@code <...>} tokens) as inert
   * Markdown: mentions become {@code @name}, channel links {@code #name}, broadcasts and group
   * mentions plain words, Slack's own links {@link #markdownLink links}, and the rest {@link
   * #markdown literal text}.
   *
   * @param nameOf a user's or channel's name by id, or null when unknown
   */
  public static String slackToMarkdown(String slack, Function<String, String> nameOf) {
    if (slack == null) {
      return "";
    }
    Matcher m = TOKEN.matcher(slack);
    StringBuilder out = new StringBuilder(slack.length() + 16);
    int last = 0;
    while (m.find()) {
      out.append(markdown(decode(slack.substring(last, m.start()))));
      out.append(token(m.group(1), nameOf));
      last = m.end();
    }
    out.append(markdown(decode(slack.substring(last))));
    return out.toString();
  }

  /** Slack's three entities back to the characters they stand for. */
  public static String decode(String slack) {
    return slack == null
        ? ""
        : slack.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
  }

  private static String token(String inner, Function<String, String> nameOf) {
    int bar = inner.indexOf('|');
    String target = decode(bar < 0 ? inner : inner.substring(0, bar));
    String label = bar < 0 ? null : decode(inner.substring(bar + 1));
    if (target.startsWith("@")) {
      String id = target.substring(1);
      return "@" + markdown(firstOf(nameOf.apply(id), label, id));
    }
    if (target.startsWith("#")) {
      String id = target.substring(1);
      return "#" + markdown(firstOf(label, nameOf.apply(id), id));
    }
    if (target.startsWith("!date^")) {
      return label != null ? markdown(label) : "";
    }
    if (target.startsWith("!subteam^")) {
      return label != null ? markdown(label) : "@group";
    }
    if (target.startsWith("!")) {
      return "@" + markdown(target.substring(1));
    }
    return markdownLink(target, label);
  }

  private static String firstOf(String a, String b, String c) {
    return a != null ? a : b != null ? b : c;
  }

  /** For HTML text or an attribute value. */
  public static String html(String plain) {
    String text = inert(plain);
    StringBuilder out = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  /** For a CSV cell: never read as a formula. */
  public static String csvCell(String value) {
    if (value == null) {
      return null;
    }
    String text = inert(value);
    if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
      return "'" + text;
    }
    return text;
  }
}
