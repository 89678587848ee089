package io.warroom.slack.event;

import com.slack.api.app_backend.events.payload.EventsApiPayload;
import com.slack.api.bolt.context.builtin.EventContext;
import com.slack.api.model.event.MessageEvent;
import io.warroom.slack.SlackEventListener;
import io.warroom.timeline.CapturedMessage;
import io.warroom.timeline.TimelineCapture;
import jakarta.inject.Singleton;

/**
 * A plain message or a thread reply in a war room. A reply is told apart by its {@code thread_ts}
 * differing from its {@code ts}, not by a subtype (Slack does not always send one).
 */
@Singleton
class MessageEventListener implements SlackEventListener<MessageEvent> {

  private final TimelineCapture capture;
  private final BoundedWrite write;

  MessageEventListener(TimelineCapture capture, BoundedWrite write) {
    this.capture = capture;
    this.write = write;
  }

  @Override
  public Class<MessageEvent> type() {
    return MessageEvent.class;
  }

  @Override
  public void handle(EventsApiPayload<MessageEvent> payload, EventContext ctx) {
    MessageEvent e = payload.getEvent();
    CapturedMessage message =
        new CapturedMessage(
            e.getChannel(),
            e.getTs(),
            e.getThreadTs(),
            e.getUser() != null ? e.getUser() : e.getBotId(),
            null,
            Captured.text(e.getText()),
            Captured.files(e.getFiles()),
            Captured.at(e.getTs()));
    write.run(() -> capture.message(payload.getEventId(), message));
  }
}
