package io.warroom.room;

import java.text.Normalizer;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * War-room channel names: {@code <prefix>-<yyyymmdd>-<slug>}, lowercase, only {@code a-z 0-9 - _},
 * at most 80 characters; the second channel of a name gets {@code -2}, and so on.
 */
public final class ChannelNames {

  static final int MAX = 80;
  private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

  /** Room kept for a suffix such as {@code -99}. */
  private static final int SUFFIX_ROOM = 4;

  private ChannelNames() {}

  public static String base(String prefix, boolean drill, LocalDate day, String title) {
    String head = prefix + (drill ? "-drill" : "") + "-" + DAY.format(day) + "-";
    String slug = slug(title);
    int room = MAX - SUFFIX_ROOM - head.length();
    if (slug.length() > room) {
      slug = trimDashes(slug.substring(0, room));
    }
    return head + (slug.isEmpty() ? "incident" : slug);
  }

  /** The name for the n-th try: the base, then {@code base-2}, {@code base-3}, ... */
  public static String attempt(String base, int attempt) {
    if (attempt <= 1) {
      return base;
    }
    String suffix = "-" + attempt;
    String head =
        base.length() + suffix.length() > MAX ? base.substring(0, MAX - suffix.length()) : base;
    return trimDashes(head) + suffix;
  }

  static String slug(String title) {
    String ascii =
        Normalizer.normalize(title, Normalizer.Form.NFKD)
            .replaceAll("\\p{M}+", "")
            .toLowerCase(Locale.ROOT);
    return trimDashes(ascii.replaceAll("[^a-z0-9_]+", "-"));
  }

  private static String trimDashes(String s) {
    int start = 0;
    int end = s.length();
    while (start < end && (s.charAt(start) == '-' || s.charAt(start) == '_')) {
      start++;
    }
    while (end > start && (s.charAt(end - 1) == '-' || s.charAt(end - 1) == '_')) {
      end--;
    }
    return s.substring(start, end);
  }
}
