package io.warroom.slack.capture;

import com.slack.api.app_backend.events.payload.EventsApiPayload;
import com.slack.api.bolt.context.builtin.EventContext;
import com.slack.api.model.event.ReactionRemovedEvent;
import io.warroom.slack.inbound.BoundedWrite;
import io.warroom.slack.inbound.SlackEventListener;
import io.warroom.timeline.TimelineCapture;
import jakarta.inject.Singleton;

/** Taking the last :pushpin: off a message makes it an ordinary message again. */
@Singleton
class ReactionRemovedEventListener implements SlackEventListener<ReactionRemovedEvent> {

  private final TimelineCapture capture;
  private final BoundedWrite write;

  ReactionRemovedEventListener(TimelineCapture capture, BoundedWrite write) {
    this.capture = capture;
    this.write = write;
  }

  @Override
  public Class<ReactionRemovedEvent> type() {
    return ReactionRemovedEvent.class;
  }

  @Override
  public void handle(EventsApiPayload<ReactionRemovedEvent> payload, EventContext ctx) {
    ReactionRemovedEvent e = payload.getEvent();
    if (!ReactionAddedEventListener.PUSHPIN.equals(e.getReaction())
        || e.getItem() == null
        || !"message".equals(e.getItem().getType())) {
      return;
    }
    write.run(
        () ->
            capture.pinned(
                payload.getEventId(), e.getItem().getChannel(), e.getItem().getTs(), false));
  }
}
