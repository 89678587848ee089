package io.warroom.heartbeat;

import io.micronaut.transaction.annotation.ReadOnly;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.Optional;

/** When an incident's next status update is due, for the card, the list and the modal. */
@Singleton
public class Heartbeats {

  private final HeartbeatRepository heartbeats;
  private final HeartbeatSettings settings;

  Heartbeats(HeartbeatRepository heartbeats, HeartbeatSettings settings) {
    this.heartbeats = heartbeats;
    this.settings = settings;
  }

  @ReadOnly
  public Optional<Instant> nextDue(long incidentId) {
    return heartbeats.findById(incidentId).map(Heartbeat::nextDue);
  }

  public HeartbeatSettings settings() {
    return settings;
  }
}
