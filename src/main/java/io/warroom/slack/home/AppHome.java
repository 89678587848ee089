package io.warroom.slack.home;

import com.slack.api.methods.MethodsClient;
import io.micronaut.core.annotation.Nullable;
import io.warroom.heartbeat.Heartbeats;
import io.warroom.home.HomeBoard;
import io.warroom.room.WarRooms;
import io.warroom.slack.webapi.AfterAck;
import jakarta.inject.Singleton;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Publishes a user's Home tab after the ack: the open incidents and a Declare button, and, when
 * something the user did there failed, a notice at the top saying what to do instead. App Home has
 * no response URL and no channel to whisper in, so the Home tab itself is where Warroom answers.
 */
@Singleton
public class AppHome {

  private final HomeBoard board;
  private final WarRooms rooms;
  private final Heartbeats heartbeats;
  private final AfterAck afterAck;

  /**
   * Each user's Home tab as this process last asked for it. Publishes run on several threads: each
   * holds its user's tab while it talks to Slack, and one that finds a newer publish asked for
   * leaves the tab to it. So a slow notice can never land after the view that took it away, and one
   * user's slow publish never holds up another's.
   */
  private final Map<String, Tab> tabs = new ConcurrentHashMap<>();

  /** The latest publish asked for, and whether it shows a notice. */
  private static final class Tab {
    final AtomicLong asked = new AtomicLong();
    volatile boolean notice;
  }

  AppHome(HomeBoard board, WarRooms rooms, Heartbeats heartbeats, AfterAck afterAck) {
    this.board = board;
    this.rooms = rooms;
    this.heartbeats = heartbeats;
    this.afterAck = afterAck;
  }

  /**
   * Draws the user's Home tab and publishes it after the ack, from the state at that moment; {@code
   * notice} is mrkdwn.
   */
  public void publish(MethodsClient client, String user, @Nullable String notice) {
    Tab tab = tabs.computeIfAbsent(user, u -> new Tab());
    tab.notice = notice != null;
    long asked = tab.asked.incrementAndGet();
    afterAck.run(
        "Publishing App Home",
        () -> {
          synchronized (tab) {
            if (tab.asked.get() != asked) {
              return null; // a newer publish for this user follows, and draws the tab
            }
            var view = render(user, notice);
            return client.viewsPublish(r -> r.userId(user).view(view));
          }
        });
  }

  /** The user's Home tab as of now. */
  com.slack.api.model.view.View render(String user, @Nullable String notice) {
    return HomeView.render(board.load(user), rooms, heartbeats, notice);
  }

  /** The people who opened their Home tab since this process started. */
  java.util.Set<String> viewers() {
    return java.util.Set.copyOf(tabs.keySet());
  }

  /**
   * What failed has now worked: takes the notice off the user's Home tab, if this process put one
   * there. (Opening the tab again redraws it without the notice anyway.)
   */
  public void withdrawNotice(MethodsClient client, String user) {
    Tab tab = tabs.get(user);
    if (tab != null && tab.notice) {
      publish(client, user, null);
    }
  }
}
