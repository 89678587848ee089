package io.warroom.room.delivery;

import io.warroom.chat.ChatFailure;
import io.warroom.incident.Incident;
import io.warroom.incident.IncidentRepository;
import io.warroom.room.WarRoom;
import io.warroom.room.WarRoomRepository;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One pass of bringing the chat platform in line with an incident's stored state: build what is
 * missing (channel, members, topic), post what is queued in order, redraw the card. Every step
 * records its result at once, so a pass that fails anywhere resumes where it stopped. Only the
 * holder of the room's lease runs a pass.
 *
 * <p>Steps that do not depend on each other run at the same time, so a room takes as long as its
 * longest chain of calls (create, post the card, pin it), not the sum of them all: once the channel
 * exists the card goes first, and nobody is invited before it is there, so the declarer never walks
 * into a room without it; then the invites, the topic, the pin and the card's redraw, the room's
 * other posts in order, and each other channel's posts in order (the announcement), all together.
 * One step failing does not stop the others; the pass then fails with it, and the next pass does
 * what is left.
 *
 * <p>This class holds only that order; each step is its own class: {@link RoomChannel}, {@link
 * RoomMembers}, {@link RoomTopic}, {@link RoomCard}, {@link OutboxDelivery}, run by {@link
 * PassSteps}.
 */
@Singleton
class WarRoomPass {

  private final WarRoomRepository rooms;
  private final OutboxRepository outbox;
  private final IncidentRepository incidents;
  private final RoomChannel channels;
  private final RoomMembers members;
  private final RoomTopic topic;
  private final RoomCard card;
  private final OutboxDelivery delivery;
  private final PassSteps steps;

  WarRoomPass(
      WarRoomRepository rooms,
      OutboxRepository outbox,
      IncidentRepository incidents,
      RoomChannel channels,
      RoomMembers members,
      RoomTopic topic,
      RoomCard card,
      OutboxDelivery delivery,
      PassSteps steps) {
    this.rooms = rooms;
    this.outbox = outbox;
    this.incidents = incidents;
    this.channels = channels;
    this.members = members;
    this.topic = topic;
    this.card = card;
    this.delivery = delivery;
    this.steps = steps;
  }

  /**
   * Runs one pass under the given lease; throws {@link ChatFailure} when the platform fails on the
   * way, and {@link Lease.Lost} once another replica has taken the room over (the lease ran out
   * while this one was paused or stuck in a long step). Every write names the lease's generation,
   * and the lease is confirmed just before each call that creates something in Slack (a channel, a
   * post, an upload, a share, an edit), so that the two never make the same thing twice.
   */
  void run(long incidentId, Lease lease) {
    Optional<WarRoom> maybeRoom = rooms.findById(incidentId);
    if (maybeRoom.isEmpty()) {
      return;
    }
    Incident incident = incidents.findById(incidentId).orElseThrow();
    String channel = channels.ensure(maybeRoom.get(), incident, lease);
    // Each channel's posts go out in order; the channels' queues are independent.
    Map<String, List<OutboxEntry>> queues = new LinkedHashMap<>();
    queues.put(OutboxEntry.ROOM, new ArrayList<>());
    for (OutboxEntry entry : outbox.findByIncidentIdAndDeliveredAtIsNullOrderById(incidentId)) {
      queues.computeIfAbsent(entry.channelId(), c -> new ArrayList<>()).add(entry);
    }
    List<OutboxEntry> roomPosts = queues.remove(OutboxEntry.ROOM);
    if (!roomPosts.isEmpty() && roomPosts.get(0).kind() == OutboxKind.CARD) {
      delivery.deliverInOrder(List.of(roomPosts.remove(0)), incident, channel, lease);
    }
    WarRoom room = rooms.findById(incidentId).orElseThrow();
    List<Runnable> together = new ArrayList<>();
    together.add(() -> members.ensure(room, incident, channel, lease));
    together.add(() -> delivery.deliverInOrder(roomPosts, incident, channel, lease));
    queues
        .values()
        .forEach(q -> together.add(() -> delivery.deliverInOrder(q, incident, channel, lease)));
    together.add(() -> card.ensure(room, incident, channel, lease));
    together.add(() -> topic.ensure(room, incident, channel, lease));
    steps.runTogether(together);
  }
}
