package io.warroom.pages;

import io.warroom.output.UserText;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Formatting shared by the pages: times in UTC, durations, Slack text as plain text. */
final class PageView {

  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

  private PageView() {}

  static String time(Instant at) {
    return at == null ? "" : TIME.format(at);
  }

  /** {@code 1h 05m}, {@code 12m}, {@code 40s}; a dash for none. */
  static String duration(Long seconds) {
    if (seconds == null) {
      return "–";
    }
    Duration d = Duration.ofSeconds(seconds);
    if (d.toHours() > 0) {
      return d.toHours() + "h " + String.format("%02dm", d.toMinutesPart());
    }
    if (d.toMinutes() > 0) {
      return d.toMinutes() + "m";
    }
    return d.getSeconds() + "s";
  }

  /**
   * Slack text (entities escaped, {@code <@U123>} mentions) as plain text; the template escapes it
   * for HTML.
   */
  static String plain(String slack) {
    if (slack == null) {
      return "";
    }
    return text(
        UserText.decode(
            slack
                .replaceAll("<@([A-Z0-9]+)>", "@$1")
                .replaceAll("<#([A-Z0-9]+)\\|?([^>]*)>", "#$2")));
  }

  /** User text with the controls that reorder what is shown removed; the template escapes it. */
  static String text(String plain) {
    return UserText.inert(plain);
  }
}
