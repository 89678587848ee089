package io.warroom.hypothesis;

import static io.warroom.hypothesis.Hypotheses.MAX_NOTE;
import static io.warroom.hypothesis.Hypotheses.MAX_TEXT;

import io.micronaut.core.annotation.Nullable;
import io.warroom.incident.Refusal;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What people may type about a hypothesis, and the answer when they may not: its text (one
 * checkable claim), a note on settling it, and its name ({@code H2}, {@code h2} or {@code 2}).
 */
final class HypothesisInput {

  private static final Pattern NAME = Pattern.compile("(?i)h?(\\d{1,6})");

  private HypothesisInput() {}

  /** The text, whitespace folded. */
  static String text(String text) {
    String t = text == null ? "" : text.strip().replaceAll("\\s+", " ");
    if (t.isEmpty()) {
      throw new Refusal(
          "Add the hypothesis, for example: `/incident hypothesis the connection pool is"
              + " exhausted since the 14:02 deploy`");
    }
    if (t.length() > MAX_TEXT) {
      throw new Refusal(
          "That hypothesis is "
              + t.length()
              + " characters long; keep it to "
              + MAX_TEXT
              + " or fewer (one claim you can check), and put the evidence in the exploration"
              + " thread.");
    }
    return t;
  }

  /** The note, whitespace folded; {@code null} when there is none. */
  static @Nullable String note(@Nullable String note) {
    String t = note == null ? "" : note.strip().replaceAll("\\s+", " ");
    if (t.isEmpty()) {
      return null;
    }
    if (t.length() > MAX_NOTE) {
      throw new Refusal(
          "That note is " + t.length() + " characters long; keep it to " + MAX_NOTE + " or fewer.");
    }
    return t;
  }

  /** The number in a name such as {@code H2}. */
  static int number(String name) {
    Matcher m = NAME.matcher(name == null ? "" : name.strip());
    if (!m.matches()) {
      throw new Refusal(
          "Say which hypothesis, for example `/incident confirm H2 the pool was exhausted`."
              + " `/incident hypotheses` lists them.");
    }
    return Integer.parseInt(m.group(1));
  }
}
