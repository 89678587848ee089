package io.warroom.incident;

import java.util.Locale;
import java.util.Optional;

/**
 * Where an incident stands. The first three are what a status update reports; {@link #MITIGATED}
 * and {@link #RESOLVED} are set by their own commands.
 */
public enum Status {
  INVESTIGATING("Investigating"),
  IDENTIFIED("Identified"),
  MONITORING("Monitoring"),
  MITIGATED("Mitigated"),
  RESOLVED("Resolved");

  private final String label;

  Status(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  public boolean isOpen() {
    return this != RESOLVED;
  }

  /** The statuses a status update may report. */
  public static Optional<Status> parseReported(String text) {
    if (text == null) {
      return Optional.empty();
    }
    return switch (text.trim().toLowerCase(Locale.ROOT)) {
      case "investigating" -> Optional.of(INVESTIGATING);
      case "identified" -> Optional.of(IDENTIFIED);
      case "monitoring" -> Optional.of(MONITORING);
      default -> Optional.empty();
    };
  }
}
