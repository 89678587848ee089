package io.warroom.incident;

import java.util.Locale;
import java.util.Optional;

/** How bad an incident is; SEV1 is the worst. The severity decides the heartbeat cadence. */
public enum Severity {
  SEV1,
  SEV2,
  SEV3,
  SEV4;

  /** Parses {@code sev1}, {@code SEV1} or a bare {@code 1}; anything else is empty. */
  public static Optional<Severity> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    String t = text.trim().toUpperCase(Locale.ROOT);
    if (t.length() == 1) {
      t = "SEV" + t;
    }
    for (Severity s : values()) {
      if (s.name().equals(t)) {
        return Optional.of(s);
      }
    }
    return Optional.empty();
  }

  public int level() {
    return ordinal() + 1;
  }

  public String label() {
    return name();
  }
}
