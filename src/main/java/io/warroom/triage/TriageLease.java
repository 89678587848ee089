package io.warroom.triage;

import java.util.function.BooleanSupplier;

/**
 * One replica's hold on one alert group's card: the generation its claim got fences every write,
 * and {@link #confirm()} before a post stops a holder that lost the group (a long pause) from
 * posting a second card.
 */
final class TriageLease {

  private final TriageRepository groups;
  private final long groupId;
  private final long generation;
  private final long millis;
  private final BooleanSupplier stopping;

  TriageLease(
      TriageRepository groups,
      long groupId,
      long generation,
      long millis,
      BooleanSupplier stopping) {
    this.groups = groups;
    this.groupId = groupId;
    this.generation = generation;
    this.millis = millis;
    this.stopping = stopping;
  }

  long generation() {
    return generation;
  }

  void confirm() {
    if (stopping.getAsBoolean() || groups.renew(groupId, generation, millis) != 1) {
      throw new Lost(groupId);
    }
  }

  void wrote(int rows) {
    if (rows == 0) {
      throw new Lost(groupId);
    }
  }

  static final class Lost extends RuntimeException {
    Lost(long groupId) {
      super(
          "alert group " + groupId + ": the lease was lost to another replica", null, false, false);
    }
  }
}
