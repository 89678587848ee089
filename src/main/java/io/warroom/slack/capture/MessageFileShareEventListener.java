package io.warroom.slack.capture;

import com.slack.api.app_backend.events.payload.EventsApiPayload;
import com.slack.api.bolt.context.builtin.EventContext;
import com.slack.api.model.event.MessageFileShareEvent;
import io.warroom.slack.inbound.BoundedWrite;
import io.warroom.slack.inbound.SlackEventListener;
import io.warroom.timeline.CapturedMessage;
import io.warroom.timeline.TimelineCapture;
import jakarta.inject.Singleton;

/** A message with files: the timeline keeps the file names and links, never their contents. */
@Singleton
class MessageFileShareEventListener implements SlackEventListener<MessageFileShareEvent> {

  private final TimelineCapture capture;
  private final BoundedWrite write;

  MessageFileShareEventListener(TimelineCapture capture, BoundedWrite write) {
    this.capture = capture;
    this.write = write;
  }

  @Override
  public Class<MessageFileShareEvent> type() {
    return MessageFileShareEvent.class;
  }

  @Override
  public void handle(EventsApiPayload<MessageFileShareEvent> payload, EventContext ctx) {
    MessageFileShareEvent e = payload.getEvent();
    if (ctx.getBotUserId() != null && ctx.getBotUserId().equals(e.getUser())) {
      return; // Warroom's own uploads are already timeline events
    }
    CapturedMessage message =
        new CapturedMessage(
            e.getChannel(),
            e.getTs(),
            e.getThreadTs(),
            e.getUser(),
            null,
            Captured.text(e.getText()),
            Captured.files(e.getFiles()),
            Captured.at(e.getTs()));
    write.run(() -> capture.message(payload.getEventId(), message));
  }
}
