package io.warroom.slack.capture;

import com.slack.api.app_backend.events.payload.EventsApiPayload;
import com.slack.api.bolt.context.builtin.EventContext;
import com.slack.api.model.event.ReactionAddedEvent;
import io.warroom.slack.inbound.BoundedWrite;
import io.warroom.slack.inbound.SlackEventListener;
import io.warroom.timeline.TimelineCapture;
import jakarta.inject.Singleton;

/** A :pushpin: on a message makes it a key event. Other reactions are not recorded. */
@Singleton
class ReactionAddedEventListener implements SlackEventListener<ReactionAddedEvent> {

  static final String PUSHPIN = "pushpin";

  private final TimelineCapture capture;
  private final BoundedWrite write;

  ReactionAddedEventListener(TimelineCapture capture, BoundedWrite write) {
    this.capture = capture;
    this.write = write;
  }

  @Override
  public Class<ReactionAddedEvent> type() {
    return ReactionAddedEvent.class;
  }

  @Override
  public void handle(EventsApiPayload<ReactionAddedEvent> payload, EventContext ctx) {
    ReactionAddedEvent e = payload.getEvent();
    if (!PUSHPIN.equals(e.getReaction())
        || e.getItem() == null
        || !"message".equals(e.getItem().getType())) {
      return;
    }
    write.run(
        () ->
            capture.pinned(
                payload.getEventId(), e.getItem().getChannel(), e.getItem().getTs(), true));
  }
}
