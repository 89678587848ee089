package io.warroom.postmortem;

import io.micronaut.core.annotation.Order;
import io.micronaut.runtime.event.annotation.EventListener;
import io.warroom.incident.EventOrder;
import io.warroom.incident.IncidentEvent;
import io.warroom.room.delivery.RoomPosts;
import jakarta.inject.Singleton;

/**
 * On resolve (and on {@code /incident postmortem}) queues the draft for the war room, inside the
 * transaction of the change; sets the review date; a reopened incident has no review yet.
 */
@Singleton
class PostmortemPublisher {

  private final RoomPosts posts;
  private final ReviewRepository reviews;
  private final PostmortemSettings settings;

  PostmortemPublisher(RoomPosts posts, ReviewRepository reviews, PostmortemSettings settings) {
    this.posts = posts;
    this.reviews = reviews;
    this.settings = settings;
  }

  /** After the room's "resolved" line, so the draft follows it in the war room. */
  @EventListener
  @Order(EventOrder.AFTER_ROOM)
  void on(IncidentEvent.Resolved r) {
    reviews.deleteById(r.incidentId());
    reviews.save(new Review(r.incidentId(), r.at().plus(settings.reviewDue()), false));
    posts.document(r.incidentId(), PostmortemDocument.NAME);
  }

  @EventListener
  @Order(EventOrder.AFTER_ROOM)
  void on(IncidentEvent.PostmortemRequested p) {
    posts.document(p.incidentId(), PostmortemDocument.NAME);
  }

  @EventListener
  @Order(EventOrder.AFTER_ROOM)
  void on(IncidentEvent.Reopened r) {
    reviews.deleteById(r.incidentId());
  }
}
