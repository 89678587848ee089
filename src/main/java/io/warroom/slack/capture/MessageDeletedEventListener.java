package io.warroom.slack.capture;

import com.slack.api.app_backend.events.payload.EventsApiPayload;
import com.slack.api.bolt.context.builtin.EventContext;
import com.slack.api.model.event.MessageDeletedEvent;
import io.warroom.room.WarRooms;
import io.warroom.room.delivery.WarRoomSync;
import io.warroom.slack.inbound.BoundedWrite;
import io.warroom.slack.inbound.SlackEventListener;
import io.warroom.timeline.CapturedMessage;
import io.warroom.timeline.TimelineCapture;
import jakarta.inject.Singleton;
import java.util.List;

/**
 * A deleted message: its stored text and files are removed, so a pasted secret is gone, also when
 * the deletion arrives before the message. Deletions of Warroom's own posts are ignored.
 */
@Singleton
class MessageDeletedEventListener implements SlackEventListener<MessageDeletedEvent> {

  private final TimelineCapture capture;
  private final BoundedWrite write;
  private final WarRooms rooms;
  private final WarRoomSync sync;

  MessageDeletedEventListener(
      TimelineCapture capture, BoundedWrite write, WarRooms rooms, WarRoomSync sync) {
    this.capture = capture;
    this.write = write;
    this.rooms = rooms;
    this.sync = sync;
  }

  @Override
  public Class<MessageDeletedEvent> type() {
    return MessageDeletedEvent.class;
  }

  @Override
  public void handle(EventsApiPayload<MessageDeletedEvent> payload, EventContext ctx) {
    MessageDeletedEvent e = payload.getEvent();
    MessageDeletedEvent.Message was = e.getPreviousMessage();
    if (was != null && Own.isOwn(ctx, was.getUser(), was.getBotId())) {
      return; // Warroom's own posts are not in the timeline
    }
    String author = was == null ? null : was.getUser() != null ? was.getUser() : was.getBotId();
    CapturedMessage deleted =
        new CapturedMessage(
            e.getChannel(),
            e.getDeletedTs(),
            was == null ? null : was.getThreadTs(),
            author,
            null,
            "",
            List.of(),
            Captured.at(e.getDeletedTs()));
    write.run(() -> capture.deleted(payload.getEventId(), deleted, Captured.at(e.getEventTs())));
    // A postmortem file that quoted it is replaced through the outbox: deliver that now.
    rooms.incidentIn(e.getChannel()).ifPresent(sync::kick);
  }
}
