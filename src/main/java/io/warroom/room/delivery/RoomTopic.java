package io.warroom.room.delivery;

import io.warroom.chat.ChatPort;
import io.warroom.incident.Incident;
import io.warroom.room.TopicView;
import io.warroom.room.WarRoom;
import io.warroom.room.WarRoomRepository;
import jakarta.inject.Singleton;

/** The room's topic, drawn from the incident's state and set only when it reads differently. */
@Singleton
class RoomTopic {

  private final WarRoomRepository rooms;
  private final ChatPort chat;

  RoomTopic(WarRoomRepository rooms, ChatPort chat) {
    this.rooms = rooms;
    this.chat = chat;
  }

  void ensure(WarRoom room, Incident incident, String channel, Lease lease) {
    String topic = TopicView.render(incident);
    if (!topic.equals(room.topic())) {
      chat.setTopic(channel, topic);
      lease.wrote(rooms.setTopic(incident.id(), lease.generation(), topic));
    }
  }
}
