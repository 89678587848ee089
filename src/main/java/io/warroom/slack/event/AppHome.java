package io.warroom.slack.event;

import com.slack.api.methods.MethodsClient;
import io.micronaut.core.annotation.Nullable;
import io.warroom.heartbeat.Heartbeats;
import io.warroom.incident.IncidentService;
import io.warroom.slack.AfterAck;
import io.warroom.warroom.WarRooms;
import jakarta.inject.Singleton;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Publishes a user's Home tab after the ack: the open incidents and a Declare button, and, when
 * something the user did there failed, a notice at the top saying what to do instead. App Home has
 * no response URL and no channel to whisper in, so the Home tab itself is where Warroom answers.
 */
@Singleton
public class AppHome {

  private final IncidentService incidents;
  private final WarRooms rooms;
  private final Heartbeats heartbeats;
  private final AfterAck afterAck;

  AppHome(IncidentService incidents, WarRooms rooms, Heartbeats heartbeats, AfterAck afterAck) {
    this.incidents = incidents;
    this.rooms = rooms;
    this.heartbeats = heartbeats;
    this.afterAck = afterAck;
  }

  /** Users whose Home tab shows a notice, so that the next success can take it away. */
  private final Set<String> noticed = ConcurrentHashMap.newKeySet();

  /** Draws the user's Home tab now and publishes it after the ack; {@code notice} is mrkdwn. */
  public void publish(MethodsClient client, String user, @Nullable String notice) {
    if (notice == null) {
      noticed.remove(user);
    } else {
      noticed.add(user);
    }
    var view = HomeView.render(incidents.open(), rooms, heartbeats, user, notice);
    afterAck.run("Publishing App Home", () -> client.viewsPublish(r -> r.userId(user).view(view)));
  }

  /**
   * What failed has now worked: takes the notice off the user's Home tab, if this process put one
   * there. (Opening the tab again redraws it without the notice anyway.)
   */
  public void withdrawNotice(MethodsClient client, String user) {
    if (noticed.contains(user)) {
      publish(client, user, null);
    }
  }
}
