package io.warroom.slack.event;

import com.slack.api.app_backend.events.payload.EventsApiPayload;
import com.slack.api.bolt.context.builtin.EventContext;
import com.slack.api.model.event.MessageChangedEvent;
import io.warroom.slack.SlackEventListener;
import io.warroom.timeline.TimelineCapture;
import jakarta.inject.Singleton;

/**
 * An edited message: the stored text becomes the new one, marked edited. Edits of Warroom's own
 * messages (the card being redrawn) are ignored; Bolt does not filter those.
 */
@Singleton
class MessageChangedEventListener implements SlackEventListener<MessageChangedEvent> {

  private final TimelineCapture capture;
  private final BoundedWrite write;

  MessageChangedEventListener(TimelineCapture capture, BoundedWrite write) {
    this.capture = capture;
    this.write = write;
  }

  @Override
  public Class<MessageChangedEvent> type() {
    return MessageChangedEvent.class;
  }

  @Override
  public void handle(EventsApiPayload<MessageChangedEvent> payload, EventContext ctx) {
    MessageChangedEvent e = payload.getEvent();
    MessageChangedEvent.Message m = e.getMessage();
    if (m == null || Own.isOwn(ctx, m.getUser(), m.getBotId())) {
      return;
    }
    write.run(
        () ->
            capture.edited(
                payload.getEventId(),
                e.getChannel(),
                m.getTs(),
                Captured.text(m.getText()),
                Captured.at(e.getEventTs())));
  }
}
