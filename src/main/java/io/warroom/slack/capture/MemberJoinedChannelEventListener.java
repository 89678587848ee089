package io.warroom.slack.capture;

import com.slack.api.app_backend.events.payload.EventsApiPayload;
import com.slack.api.bolt.context.builtin.EventContext;
import com.slack.api.model.event.MemberJoinedChannelEvent;
import io.warroom.slack.inbound.BoundedWrite;
import io.warroom.slack.inbound.SlackEventListener;
import io.warroom.timeline.TimelineCapture;
import jakarta.inject.Singleton;

/** Someone joined a war room: they are a participant from now on. */
@Singleton
class MemberJoinedChannelEventListener implements SlackEventListener<MemberJoinedChannelEvent> {

  private final TimelineCapture capture;
  private final BoundedWrite write;

  MemberJoinedChannelEventListener(TimelineCapture capture, BoundedWrite write) {
    this.capture = capture;
    this.write = write;
  }

  @Override
  public Class<MemberJoinedChannelEvent> type() {
    return MemberJoinedChannelEvent.class;
  }

  @Override
  public void handle(EventsApiPayload<MemberJoinedChannelEvent> payload, EventContext ctx) {
    MemberJoinedChannelEvent e = payload.getEvent();
    if (Own.isOwn(ctx, e.getUser(), null)) {
      return;
    }
    write.run(
        () ->
            capture.joined(
                payload.getEventId(), e.getChannel(), e.getUser(), Captured.at(e.getEventTs())));
  }
}
