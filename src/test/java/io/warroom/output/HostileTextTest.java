package io.warroom.output;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The same hostile corpus (SPEC section 16), as Slack delivers it, against every target Warroom
 * writes user text to: whatever goes in comes out as text there, never as a ping, a tag, an active
 * link, a formula or reordered characters.
 */
@Tag("fast")
class HostileTextTest {

  private static final Map<String, String> NAMES = Map.of("U1", "alice <b>bold</b>");

  /** As Slack delivers what people type or paste: its three entities escaped. */
  static final Map<String, String> CORPUS =
      Map.ofEntries(
          Map.entry("broadcast", "<!channel> everyone look"),
          Map.entry("group mention", "ping <!subteam^S1> now"),
          Map.entry("user mention", "over to <@U1>"),
          Map.entry("labelled link", "<https://evil.example|click>"),
          Map.entry("script link", "<javascript:alert(1)|click me>"),
          Map.entry("html image", "&lt;img src=x onerror=alert(1)&gt;"),
          Map.entry("html script", "&lt;script&gt;alert(1)&lt;/script&gt;"),
          Map.entry("markdown link", "[x](javascript:alert(1))"),
          Map.entry("markdown data link", "![x](data:text/html;base64,PHNjcmlwdD4=)"),
          Map.entry("formula", "=HYPERLINK(\"http://evil\",\"x\")"),
          Map.entry("plus formula", "+1+cmd|' /C calc'!A0"),
          Map.entry("at formula", "@SUM(1+1)*cmd|' /C calc'!A0"),
          Map.entry("minus formula", "-2+3"),
          Map.entry("tab", "\t=1+1"),
          Map.entry("carriage return", "\r=1+1"),
          Map.entry("line breaks", "first line\r\n12:00:00 ERROR forged\nthird"),
          Map.entry("long", "a".repeat(40_000)),
          Map.entry("right-to-left override", "invoice\u202Egnp.exe and \u2066isolated\u2069"));

  /** Each target, fed Slack-delivered text the way Warroom's sinks feed it. */
  static final Map<String, Function<String, String>> TARGETS =
      Map.of(
          "slack mrkdwn", s -> UserText.mrkdwn(UserText.decode(s)),
          "markdown", s -> UserText.slackToMarkdown(s, NAMES::get),
          "markdown line", s -> UserText.markdownLine(UserText.decode(s)),
          "html", s -> UserText.html(UserText.decode(s)),
          "csv", s -> UserText.csvCell(UserText.decode(s)));

  static Stream<Arguments> cases() {
    List<Arguments> all = new ArrayList<>();
    TARGETS.keySet().stream()
        .sorted()
        .forEach(t -> CORPUS.keySet().stream().sorted().forEach(c -> all.add(Arguments.of(t, c))));
    return all.stream();
  }

  private static final Pattern BIDI = Pattern.compile("[\\u202A-\\u202E\\u2066-\\u2069]");
  private static final Pattern HTML_TAG = Pattern.compile("<\\s*/?\\s*[A-Za-z!]");
  private static final Pattern MARKDOWN_LINK = Pattern.compile("(?<!\\\\)\\]\\(([^)]*)\\)");

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("cases")
  void staysInert(String target, String name) {
    String input = CORPUS.get(name);
    String out = TARGETS.get(target).apply(input);
    assertFalse(BIDI.matcher(out).find(), "no reordering controls");
    assertTrue(out.length() <= 6 * input.length() + 32, "bounded: " + out.length());
    switch (target) {
      case "slack mrkdwn" -> {
        assertFalse(out.contains("<"), out); // no <!channel>, <@U1>, <url|label> of theirs
        assertFalse(out.contains(">"), out);
      }
      case "markdown", "markdown line" -> {
        assertFalse(HTML_TAG.matcher(out).find(), "no raw HTML: " + out);
        var link = MARKDOWN_LINK.matcher(out);
        while (link.find()) {
          assertTrue(
              link.group(1).startsWith("https://") || link.group(1).startsWith("http://"),
              "only Slack's own web links: " + out);
        }
        assertFalse(out.contains("<!"), out);
        if (target.equals("markdown line")) {
          assertFalse(out.contains("\n") || out.contains("\r"), "one line: " + out);
        }
      }
      case "html" -> {
        assertFalse(out.contains("<") || out.contains(">") || out.contains("\""), out);
      }
      case "csv" -> {
        assertFalse(
            !out.isEmpty() && "=+-@\t\r".indexOf(out.charAt(0)) >= 0, "starts a formula: " + out);
      }
      default -> throw new AssertionError(target);
    }
  }
}
