package io.warroom.origin;

import io.micronaut.transaction.annotation.Transactional;
import io.warroom.incident.Incident;
import io.warroom.incident.IncidentService;
import io.warroom.room.delivery.RoomPosts;
import jakarta.inject.Singleton;
import java.time.Clock;

/** Records the message an incident was declared from, once, with the posts that link the two. */
@Singleton
public class Origins {

  private final IncidentService incidents;
  private final OriginRepository origins;
  private final RoomPosts posts;
  private final Clock clock;

  Origins(IncidentService incidents, OriginRepository origins, RoomPosts posts, Clock clock) {
    this.incidents = incidents;
    this.origins = origins;
    this.posts = posts;
    this.clock = clock;
  }

  /**
   * Links the incident to the message. Idempotent: a second submission of the same modal (a retry,
   * a double click) finds the incident's origin recorded and queues nothing more.
   */
  @Transactional
  public void declaredFrom(
      Incident incident, String channelId, String messageTs, String permalink) {
    // The lock queues this after the declaration's own intake (the room's plan, whose card must be
    // the room's first post) and after a concurrent second submission, which then finds the origin.
    incidents.lock(incident.id());
    if (origins.existsById(incident.id())) {
      return;
    }
    origins.save(new Origin(incident.id(), channelId, messageTs, permalink, clock.instant()));
    posts.declaredFrom(incident.id(), channelId, messageTs, permalink, !incident.privateIncident());
  }
}
