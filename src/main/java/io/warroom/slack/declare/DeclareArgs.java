package io.warroom.slack.declare;

import io.micronaut.core.annotation.Nullable;
import io.warroom.incident.Severity;
import io.warroom.slack.SlackText;
import java.util.Optional;

/**
 * The words of {@code /incident declare [sev1-4] [--drill] <title>}: an optional severity and drill
 * flag in any order, then the title (as plain text).
 */
record DeclareArgs(@Nullable Severity severity, boolean drill, String title) {

  static DeclareArgs parse(String args) {
    Severity severity = null;
    boolean drill = false;
    String rest = args == null ? "" : args.strip();
    while (!rest.isEmpty()) {
      String[] split = SlackText.firstWord(rest);
      String word = split[0];
      Optional<Severity> sev = severityWord(word);
      if (severity == null && sev.isPresent()) {
        severity = sev.get();
      } else if (!drill && (word.equals("--drill") || word.equals("—drill"))) {
        drill = true;
      } else {
        break;
      }
      rest = split[1];
    }
    return new DeclareArgs(severity, drill, SlackText.plain(rest).strip());
  }

  /** {@code sev1}..{@code sev4} (any case); a bare digit is title text, not a severity. */
  private static Optional<Severity> severityWord(String word) {
    return word.length() == 4 ? Severity.parse(word) : Optional.empty();
  }
}
