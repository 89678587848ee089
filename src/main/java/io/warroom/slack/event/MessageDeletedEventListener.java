package io.warroom.slack.event;

import com.slack.api.app_backend.events.payload.EventsApiPayload;
import com.slack.api.bolt.context.builtin.EventContext;
import com.slack.api.model.event.MessageDeletedEvent;
import io.warroom.slack.SlackEventListener;
import io.warroom.timeline.TimelineCapture;
import jakarta.inject.Singleton;

/** A deleted message: its stored text and files are removed, so a pasted secret is gone. */
@Singleton
class MessageDeletedEventListener implements SlackEventListener<MessageDeletedEvent> {

  private final TimelineCapture capture;
  private final BoundedWrite write;

  MessageDeletedEventListener(TimelineCapture capture, BoundedWrite write) {
    this.capture = capture;
    this.write = write;
  }

  @Override
  public Class<MessageDeletedEvent> type() {
    return MessageDeletedEvent.class;
  }

  @Override
  public void handle(EventsApiPayload<MessageDeletedEvent> payload, EventContext ctx) {
    MessageDeletedEvent e = payload.getEvent();
    write.run(
        () ->
            capture.deleted(
                payload.getEventId(),
                e.getChannel(),
                e.getDeletedTs(),
                Captured.at(e.getEventTs())));
  }
}
