package io.warroom.room.delivery;

import io.warroom.room.WarRoomRepository;
import java.util.function.BooleanSupplier;

/**
 * One replica's hold on one room, from a claim to its release: the generation that claim got is the
 * fencing token every write under it names. A holder paused past its lease (a long GC, a frozen VM)
 * may wake after another replica claimed the room; its writes then change nothing, and {@link
 * #confirm()} before each Slack call that creates something stops it before it makes a second
 * channel or a second post.
 */
final class Lease {

  private final WarRoomRepository rooms;
  private final long incidentId;
  private final long generation;
  private final long millis;
  private final BooleanSupplier stopping;

  Lease(WarRoomRepository rooms, long incidentId, long generation, long millis) {
    this(rooms, incidentId, generation, millis, () -> false);
  }

  /**
   * A lease whose holder is shutting down once {@code stopping} says so: {@link #confirm()} then
   * stops the pass before its next Slack call, and the room is handed over to the other replicas.
   */
  Lease(
      WarRoomRepository rooms,
      long incidentId,
      long generation,
      long millis,
      BooleanSupplier stopping) {
    this.rooms = rooms;
    this.incidentId = incidentId;
    this.generation = generation;
    this.millis = millis;
    this.stopping = stopping;
  }

  long generation() {
    return generation;
  }

  /** Extends the lease; false once another replica has claimed the room. */
  boolean renew() {
    return rooms.renew(incidentId, generation, millis) == 1;
  }

  /**
   * Extends the lease, or throws {@link Lost} when it is no longer this holder's or the holder is
   * shutting down.
   */
  void confirm() {
    if (stopping.getAsBoolean() || !renew()) {
      throw new Lost(incidentId);
    }
  }

  /** Throws {@link Lost} unless a write under this lease changed a row. */
  void wrote(int rows) {
    if (rows == 0) {
      throw new Lost(incidentId);
    }
  }

  /** The room was claimed by another replica while this one held it; this pass must stop. */
  static final class Lost extends RuntimeException {
    Lost(long incidentId) {
      super(
          "war room " + incidentId + ": the lease was lost to another replica", null, false, false);
    }
  }
}
