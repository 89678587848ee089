package io.warroom.slack.home;

import com.slack.api.app_backend.events.payload.EventsApiPayload;
import com.slack.api.bolt.context.builtin.EventContext;
import com.slack.api.model.event.AppHomeOpenedEvent;
import io.warroom.slack.inbound.SlackEventListener;
import jakarta.inject.Singleton;

/** Someone opened Warroom's Home tab: draw it for them, repairing any refresh that was missed. */
@Singleton
class AppHomeEventListener implements SlackEventListener<AppHomeOpenedEvent> {

  private final AppHome home;

  AppHomeEventListener(AppHome home) {
    this.home = home;
  }

  @Override
  public Class<AppHomeOpenedEvent> type() {
    return AppHomeOpenedEvent.class;
  }

  @Override
  public void handle(EventsApiPayload<AppHomeOpenedEvent> payload, EventContext ctx) {
    AppHomeOpenedEvent event = payload.getEvent();
    if (!"home".equals(event.getTab())) {
      return;
    }
    home.publish(ctx.client(), event.getUser(), null);
  }
}
