package io.warroom.slack.capture;

import com.slack.api.app_backend.events.payload.EventsApiPayload;
import com.slack.api.bolt.context.builtin.EventContext;
import com.slack.api.model.BotProfile;
import com.slack.api.model.event.MessageChangedEvent;
import io.warroom.slack.inbound.BoundedWrite;
import io.warroom.slack.inbound.SlackEventListener;
import io.warroom.timeline.CapturedMessage;
import io.warroom.timeline.TimelineCapture;
import jakarta.inject.Singleton;

/**
 * An edited message: the stored text becomes the new one, marked edited (or, if the edit comes
 * before the message, the message is stored from it). Edits of Warroom's own messages (the card
 * being redrawn) are ignored: the author is inside the event, where no middleware looks.
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

  private static String botName(BotProfile profile) {
    return profile == null || profile.getName() == null ? "another app" : profile.getName();
  }

  @Override
  public void handle(EventsApiPayload<MessageChangedEvent> payload, EventContext ctx) {
    MessageChangedEvent e = payload.getEvent();
    MessageChangedEvent.Message m = e.getMessage();
    if (m == null || Own.isOwn(ctx, m.getUser(), m.getBotId())) {
      return;
    }
    CapturedMessage now =
        new CapturedMessage(
            e.getChannel(),
            m.getTs(),
            m.getThreadTs(),
            m.getUser() != null ? m.getUser() : m.getBotId(),
            m.getUser() == null && m.getBotId() != null ? botName(m.getBotProfile()) : null,
            Captured.text(m.getText()),
            Captured.files(m.getFiles()),
            Captured.at(m.getTs()));
    write.run(() -> capture.edited(payload.getEventId(), now, Captured.at(e.getEventTs())));
  }
}
