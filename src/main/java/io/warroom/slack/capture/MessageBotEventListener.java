package io.warroom.slack.capture;

import com.slack.api.app_backend.events.payload.EventsApiPayload;
import com.slack.api.bolt.context.builtin.EventContext;
import com.slack.api.model.event.MessageBotEvent;
import io.warroom.slack.inbound.BoundedWrite;
import io.warroom.slack.inbound.SlackEventListener;
import io.warroom.timeline.CapturedMessage;
import io.warroom.timeline.TimelineCapture;
import jakarta.inject.Singleton;
import java.util.List;

/**
 * A message from another app (an alerting or deploy bot) in a war room. Warroom's own posts never
 * arrive here: {@code IgnoringOwnEvents} drops them by their bot id.
 */
@Singleton
class MessageBotEventListener implements SlackEventListener<MessageBotEvent> {

  private final TimelineCapture capture;
  private final BoundedWrite write;

  MessageBotEventListener(TimelineCapture capture, BoundedWrite write) {
    this.capture = capture;
    this.write = write;
  }

  @Override
  public Class<MessageBotEvent> type() {
    return MessageBotEvent.class;
  }

  @Override
  public void handle(EventsApiPayload<MessageBotEvent> payload, EventContext ctx) {
    MessageBotEvent e = payload.getEvent();
    CapturedMessage message =
        new CapturedMessage(
            e.getChannel(),
            e.getTs(),
            e.getThreadTs(),
            e.getBotId(),
            e.getUsername() == null ? "another app" : e.getUsername(),
            Captured.text(e.getText()),
            List.of(),
            Captured.at(e.getTs()));
    write.run(() -> capture.message(payload.getEventId(), message));
  }
}
