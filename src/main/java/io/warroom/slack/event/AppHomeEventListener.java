package io.warroom.slack.event;

import com.slack.api.app_backend.events.payload.EventsApiPayload;
import com.slack.api.bolt.context.builtin.EventContext;
import com.slack.api.model.event.AppHomeOpenedEvent;
import io.warroom.heartbeat.Heartbeats;
import io.warroom.incident.IncidentService;
import io.warroom.slack.AfterAck;
import io.warroom.slack.SlackEventListener;
import io.warroom.warroom.WarRooms;
import jakarta.inject.Singleton;

/** Someone opened Warroom's Home tab: show them the open incidents and a Declare button. */
@Singleton
class AppHomeEventListener implements SlackEventListener<AppHomeOpenedEvent> {

  private final IncidentService incidents;
  private final WarRooms rooms;
  private final Heartbeats heartbeats;
  private final AfterAck afterAck;

  AppHomeEventListener(
      IncidentService incidents, WarRooms rooms, Heartbeats heartbeats, AfterAck afterAck) {
    this.incidents = incidents;
    this.rooms = rooms;
    this.heartbeats = heartbeats;
    this.afterAck = afterAck;
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
    String user = event.getUser();
    var view = HomeView.render(incidents.open(), rooms, heartbeats, user);
    afterAck.run(
        "Publishing App Home", () -> ctx.client().viewsPublish(r -> r.userId(user).view(view)));
  }
}
