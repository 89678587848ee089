package io.warroom.slack.capture;

import com.slack.api.app_backend.events.payload.EventsApiPayload;
import com.slack.api.bolt.context.builtin.EventContext;
import com.slack.api.model.event.MessageThreadBroadcastEvent;
import io.warroom.slack.inbound.BoundedWrite;
import io.warroom.slack.inbound.SlackEventListener;
import io.warroom.timeline.CapturedMessage;
import io.warroom.timeline.TimelineCapture;
import jakarta.inject.Singleton;
import java.util.List;

/** A thread reply also sent to the channel: stored once, as the reply it is. */
@Singleton
class MessageThreadBroadcastEventListener
    implements SlackEventListener<MessageThreadBroadcastEvent> {

  private final TimelineCapture capture;
  private final BoundedWrite write;

  MessageThreadBroadcastEventListener(TimelineCapture capture, BoundedWrite write) {
    this.capture = capture;
    this.write = write;
  }

  @Override
  public Class<MessageThreadBroadcastEvent> type() {
    return MessageThreadBroadcastEvent.class;
  }

  @Override
  public void handle(EventsApiPayload<MessageThreadBroadcastEvent> payload, EventContext ctx) {
    MessageThreadBroadcastEvent e = payload.getEvent();
    CapturedMessage message =
        new CapturedMessage(
            e.getChannel(),
            e.getTs(),
            e.getThreadTs(),
            e.getUser(),
            null,
            Captured.text(e.getText()),
            List.of(),
            Captured.at(e.getTs()));
    write.run(() -> capture.message(payload.getEventId(), message));
  }
}
