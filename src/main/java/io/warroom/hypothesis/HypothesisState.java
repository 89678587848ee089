package io.warroom.hypothesis;

import java.util.Locale;

/** Where a hypothesis stands: open, being checked, or settled one way or the other. */
public enum HypothesisState {
  OPEN,
  INVESTIGATING,
  CONFIRMED,
  RULED_OUT;

  /** Confirmed or ruled out: nothing more to check. */
  public boolean isSettled() {
    return this == CONFIRMED || this == RULED_OUT;
  }

  public String label() {
    return name().replace('_', ' ').toLowerCase(Locale.ROOT);
  }
}
