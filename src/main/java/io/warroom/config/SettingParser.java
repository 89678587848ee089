package io.warroom.config;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses raw setting values; every failure is a {@link StartupProblem} naming the variable. */
public final class SettingParser {

  private static final Pattern SHORT_DURATION =
      Pattern.compile("(\\d{1,9})\\s*(ms|s|m|h|d)", Pattern.CASE_INSENSITIVE);

  private SettingParser() {}

  public static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }

  /** A positive duration such as {@code 15m}, {@code 90s}, {@code 48h} or ISO {@code PT1H}. */
  public static Duration duration(String env, String raw) {
    String value = blankToNull(raw);
    if (value == null) {
      throw new StartupProblem(env + " is empty; give a duration such as 15m, 90s or PT1H");
    }
    Duration d = parseDuration(value);
    if (d == null) {
      throw new StartupProblem(
          env + "='" + value + "' is not a duration; use a form such as 15m, 90s, 48h or PT1H");
    }
    if (d.isZero() || d.isNegative()) {
      throw new StartupProblem(env + "='" + value + "' must be longer than zero");
    }
    return d;
  }

  /** Like {@link #duration} but {@code off} means "never". */
  public static Optional<Duration> durationOrOff(String env, String raw) {
    String value = blankToNull(raw);
    if (value != null && value.equalsIgnoreCase("off")) {
      return Optional.empty();
    }
    if (value == null) {
      throw new StartupProblem(env + " is empty; give a duration such as 15m, 90s or PT1H, or off");
    }
    Duration d = parseDuration(value);
    if (d == null || d.isZero() || d.isNegative()) {
      throw new StartupProblem(
          env + "='" + value + "' is not a duration; use a form such as 15m, 90s or PT1H, or off");
    }
    return Optional.of(d);
  }

  private static Duration parseDuration(String value) {
    Matcher m = SHORT_DURATION.matcher(value);
    if (m.matches()) {
      long n = Long.parseLong(m.group(1));
      return switch (m.group(2).toLowerCase(Locale.ROOT)) {
        case "ms" -> Duration.ofMillis(n);
        case "s" -> Duration.ofSeconds(n);
        case "m" -> Duration.ofMinutes(n);
        case "h" -> Duration.ofHours(n);
        default -> Duration.ofDays(n);
      };
    }
    try {
      return Duration.parse(value.toUpperCase(Locale.ROOT));
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  public static boolean bool(String env, String raw) {
    String value = blankToNull(raw);
    if (value == null) {
      return false;
    }
    return switch (value.toLowerCase(Locale.ROOT)) {
      case "true", "1", "yes", "on" -> true;
      case "false", "0", "no", "off" -> false;
      default -> throw new StartupProblem(env + "='" + value + "' must be true or false");
    };
  }
}
