package io.warroom.incident;

import java.util.Locale;
import java.util.Optional;

/** The roles of an incident response. One person holds each at a time. */
public enum Role {
  COMMANDER("Incident Commander", "ic"),
  COMMS("Communications lead", "comms"),
  SCRIBE("Scribe", "scribe"),
  OPS("Operations lead", "ops");

  private final String title;
  private final String keyword;

  Role(String title, String keyword) {
    this.title = title;
    this.keyword = keyword;
  }

  public String title() {
    return title;
  }

  /** The word used for the role in {@code /incident role <keyword> @user}. */
  public String keyword() {
    return keyword;
  }

  /** The roles {@code /incident role} assigns: everything but the commander, who has {@code ic}. */
  public static Optional<Role> parseDelegated(String word) {
    if (word == null) {
      return Optional.empty();
    }
    String w = word.trim().toLowerCase(Locale.ROOT);
    for (Role r : values()) {
      if (r != COMMANDER && r.keyword.equals(w)) {
        return Optional.of(r);
      }
    }
    return Optional.empty();
  }
}
