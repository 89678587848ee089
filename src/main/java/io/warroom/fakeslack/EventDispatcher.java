package io.warroom.fakeslack;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.warroom.fakeslack.Model.Channel;
import io.warroom.fakeslack.Model.Message;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Delivers Events API callbacks to the app as Slack does: only subscribed events, only for channels
 * the bot is in, in order, each wrapped in an {@code event_callback} envelope with an {@code
 * event_id}, and retried up to three times with {@code X-Slack-Retry-Num} when the app does not
 * answer 2xx.
 */
final class EventDispatcher implements AppEvents {

  /** The bot events the app subscribes to, as its manifest says. */
  static final Set<String> SUBSCRIBED = AppManifest.botEvents();

  private final Workspace ws;
  private final AppLink app;
  private final ExecutorService sender;
  private final AtomicLong eventIds = new AtomicLong(1000);
  private final AtomicInteger pending = new AtomicInteger();
  private volatile Duration retryDelay = Duration.ofSeconds(1);
  private volatile boolean enabled = true;
  private final List<EventDelivery> deliveries = new CopyOnWriteArrayList<>();

  EventDispatcher(Workspace ws, AppLink app) {
    this.ws = ws;
    this.app = app;
    this.sender =
        Executors.newSingleThreadExecutor(
            r -> {
              Thread t = new Thread(r, "fake-slack-events");
              t.setDaemon(true);
              return t;
            });
  }

  void retryDelay(Duration delay) {
    this.retryDelay = delay;
  }

  void enabled(boolean enabled) {
    this.enabled = enabled;
  }

  /** How many events are queued or being delivered. */
  int pending() {
    return pending.get();
  }

  @Override
  public void messagePosted(Channel channel, Message m) {
    ObjectNode event = ws.messageJson(m);
    event.remove("metadata");
    if ("channel_topic".equals(m.subtype)) {
      event.put("topic", channel.topic);
    }
    send(channel, event, m.ts);
  }

  @Override
  public void messageChanged(Channel channel, Message m, Message previous) {
    ObjectNode event = ws.json.createObjectNode();
    event.put("type", "message");
    event.put("subtype", "message_changed");
    event.put("hidden", true);
    ObjectNode message = ws.messageJson(m);
    message.remove("metadata");
    event.set("message", message);
    ObjectNode prev = ws.messageJson(previous);
    prev.remove("metadata");
    event.set("previous_message", prev);
    String ts = ws.newTs();
    event.put("ts", ts);
    send(channel, event, ts);
  }

  @Override
  public void messageDeleted(Channel channel, Message m) {
    ObjectNode event = ws.json.createObjectNode();
    event.put("type", "message");
    event.put("subtype", "message_deleted");
    event.put("hidden", true);
    event.put("deleted_ts", m.ts);
    ObjectNode prev = ws.messageJson(m);
    prev.remove("metadata");
    event.set("previous_message", prev);
    String ts = ws.newTs();
    event.put("ts", ts);
    send(channel, event, ts);
  }

  @Override
  public void memberJoined(Channel channel, String user, String inviter) {
    ObjectNode event = ws.json.createObjectNode();
    event.put("type", "member_joined_channel");
    event.put("user", user);
    event.put("channel", channel.id);
    event.put("channel_type", channel.isPrivate ? "G" : "C");
    event.put("team", Workspace.TEAM_ID);
    if (inviter != null) {
      event.put("inviter", inviter);
    }
    send(channel, event, ws.newTs());
  }

  @Override
  public void reaction(Channel channel, Message m, String user, String reaction, boolean added) {
    ObjectNode event = ws.json.createObjectNode();
    event.put("type", added ? "reaction_added" : "reaction_removed");
    event.put("user", user);
    event.put("reaction", reaction);
    if (m.user != null) {
      event.put("item_user", m.user);
    }
    ObjectNode item = event.putObject("item");
    item.put("type", "message");
    item.put("channel", channel.id);
    item.put("ts", m.ts);
    send(channel, event, ws.newTs());
  }

  private void send(Channel channel, ObjectNode event, String eventTs) {
    String type = event.path("type").asText();
    String subscription =
        type.equals("message") ? (channel.isPrivate ? "message.groups" : "message.channels") : type;
    if (!enabled || !SUBSCRIBED.contains(subscription) || !channel.members.contains(ws.bot.id())) {
      return;
    }
    if (type.equals("message") && !event.has("channel")) {
      event.put("channel", channel.id);
    }
    if (type.equals("message")) {
      event.put("channel_type", channel.isPrivate ? "group" : "channel");
    }
    event.put("event_ts", eventTs);
    ObjectNode envelope = envelope(event);
    pending.incrementAndGet();
    String eventId = envelope.path("event_id").asText();
    sender.execute(() -> deliver(eventId, envelope.toString()));
  }

  ObjectNode envelope(ObjectNode event) {
    ObjectNode envelope = ws.json.createObjectNode();
    envelope.put("token", "sandbox-verification-token");
    envelope.put("team_id", Workspace.TEAM_ID);
    envelope.put("api_app_id", Workspace.APP_ID);
    envelope.set("event", event);
    envelope.put("type", "event_callback");
    envelope.put("event_id", "Ev" + Long.toString(eventIds.incrementAndGet(), 36).toUpperCase());
    envelope.put("event_time", ws.now());
    ObjectNode auth = envelope.putArray("authorizations").addObject();
    auth.putNull("enterprise_id");
    auth.put("team_id", Workspace.TEAM_ID);
    auth.put("user_id", ws.bot.id());
    auth.put("is_bot", true);
    auth.put("is_enterprise_install", false);
    envelope.put("is_ext_shared_channel", false);
    return envelope;
  }

  /** Every delivery attempt so far, in order. */
  List<EventDelivery> deliveries() {
    return List.copyOf(deliveries);
  }

  private void deliver(String eventId, String body) {
    try {
      AppLink.Reply reply = attempt(eventId, 0, body, Map.of());
      for (int retry = 1; retry <= 3 && (reply.status() < 200 || reply.status() > 299); retry++) {
        sleep(retryDelay.toMillis() * retry);
        String reason = reply.status() == 0 ? "http_timeout" : "http_error";
        reply =
            attempt(
                eventId,
                retry,
                body,
                Map.of("X-Slack-Retry-Num", String.valueOf(retry), "X-Slack-Retry-Reason", reason));
      }
    } finally {
      pending.decrementAndGet();
    }
  }

  private AppLink.Reply attempt(
      String eventId, int retryNum, String body, Map<String, String> headers) {
    long started = System.nanoTime();
    AppLink.Reply reply = app.post(body, "application/json", headers);
    long millis = (System.nanoTime() - started) / 1_000_000;
    deliveries.add(new EventDelivery(eventId, retryNum, reply.status(), millis));
    return reply;
  }

  void close() {
    sender.shutdownNow();
    try {
      sender.awaitTermination(2, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
