package io.warroom.fakeslack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.warroom.fakeslack.Model.Channel;
import io.warroom.fakeslack.Model.Ephemeral;
import io.warroom.fakeslack.Model.FileObject;
import io.warroom.fakeslack.Model.Message;
import io.warroom.fakeslack.Model.User;
import io.warroom.fakeslack.Model.View;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The Slack simulator as tests use it: everything {@link SlackSimulator} does, plus what only tests
 * need and the product must not ship: injected failures, Events API delivery control and records,
 * another app's bot, and readers of what one user saw (whispers, modals, App Home, files).
 */
public final class FakeSlack extends SlackSimulator {

  /** A message only one user saw. */
  public record Whisper(String channel, String user, String text, JsonNode blocks) {
    public String allText() {
      return text + "\n" + (blocks == null ? "" : blocks.toString());
    }
  }

  /** An open (or closed) modal. */
  public record Modal(String id, String user, JsonNode view, JsonNode errors, boolean open) {
    public String callbackId() {
      return view.path("callback_id").asText();
    }
  }

  private final Faults faults = new Faults();

  private FakeSlack(String botToken, String signingSecret, int port) throws IOException {
    super(botToken, signingSecret, port);
    server.failures(faults);
  }

  /** Starts a workspace on a free loopback port. */
  public static FakeSlack start(String botToken, String signingSecret) {
    return start(botToken, signingSecret, 0);
  }

  public static FakeSlack start(String botToken, String signingSecret, int port) {
    try {
      return new FakeSlack(botToken, signingSecret, port);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public FakeSlack connect(URI appEventsUrl) {
    super.connect(appEventsUrl);
    return this;
  }

  @Override
  public FakeSlack rateLimits(boolean on) {
    super.rateLimits(on);
    return this;
  }

  @Override
  public FakeSlack latency(Duration min, Duration max) {
    super.latency(min, max);
    return this;
  }

  /** Failures to inject into the Web API calls that follow. */
  public Faults faults() {
    return faults;
  }

  /** Web API calls answered HTTP 429 so far. */
  public long rateLimitedCalls() {
    return calls().stream().filter(c -> c.status() == 429).count();
  }

  /**
   * Lets the app connect over Socket Mode: {@code apps.connections.open} with this app-level token
   * answers the given WebSocket URL.
   */
  public void enableSocketMode(String appToken, String webSocketUrl) {
    ws.appToken = appToken;
    ws.socketModeUrl = webSocketUrl;
  }

  /** How long failed event deliveries wait before Slack's retries. */
  public void eventRetryDelay(Duration delay) {
    events.retryDelay(delay);
  }

  /** Stops or resumes sending Events API callbacks. */
  public void eventsEnabled(boolean enabled) {
    events.enabled(enabled);
  }

  /** Every attempt so far to deliver an Events API callback to the app, in order. */
  public List<EventDelivery> eventDeliveries() {
    return events.deliveries();
  }

  /**
   * Waits until every queued Events API callback has been delivered (or given up), at most {@code
   * max}; returns early as soon as none is pending.
   */
  public void awaitEvents(Duration max) {
    long until = System.nanoTime() + max.toNanos();
    while (events.pending() > 0 && System.nanoTime() < until) {
      try {
        Thread.sleep(10); // a poll interval, not a wait: the loop checks the condition
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  /** The Events API callback Slack would send for this inner event, with a fresh event id. */
  public String eventBody(ObjectNode event) {
    return events.envelope(event).toString();
  }

  /** Sends the app an Events API callback for this inner event, as Slack would. */
  public AppLink.Reply sendEvent(ObjectNode event) {
    return app.post(events.envelope(event).toString(), "application/json", java.util.Map.of());
  }

  /** A fresh interaction trigger for a user, as Slack hands one out with each interaction. */
  public String trigger(String userId) {
    return app.trigger(userId);
  }

  public Optional<String> userName(String userId) {
    synchronized (ws) {
      return Optional.ofNullable(ws.users.get(userId)).map(User::name);
    }
  }

  public boolean isPrivate(String channelId) {
    synchronized (ws) {
      return ws.channel(channelId).isPrivate;
    }
  }

  public Set<String> members(String channelId) {
    synchronized (ws) {
      return Set.copyOf(ws.channel(channelId).members);
    }
  }

  public List<Whisper> ephemerals(String userId) {
    return ephemerals(this, userId);
  }

  /** What one user was whispered in any simulator, e.g. the sandbox's. */
  public static List<Whisper> ephemerals(SlackSimulator slack, String userId) {
    Workspace ws = slack.ws;
    synchronized (ws) {
      List<Whisper> out = new ArrayList<>();
      for (Ephemeral e : ws.ephemerals) {
        if (e.user().equals(userId)) {
          out.add(new Whisper(e.channel(), e.user(), e.text(), e.blocks()));
        }
      }
      return out;
    }
  }

  public List<Modal> modals(String userId) {
    synchronized (ws) {
      List<Modal> out = new ArrayList<>();
      for (View v : ws.views.values()) {
        if (v.user.equals(userId)) {
          out.add(new Modal(v.id, v.user, v.view.deepCopy(), v.errors, v.open));
        }
      }
      return out;
    }
  }

  /** The user's App Home view, once the app published one. */
  public Optional<JsonNode> home(String userId) {
    synchronized (ws) {
      return Optional.ofNullable(ws.homes.get(userId)).map(v -> v.view.deepCopy());
    }
  }

  /**
   * Leaves a submitted modal open, as Slack briefly does while a first submission is in flight;
   * lets a test submit the same view twice, like a double click.
   */
  public void reopenModal(String viewId) {
    synchronized (ws) {
      View v = ws.views.get(viewId);
      if (v != null) {
        v.open = true;
      }
    }
  }

  /** A file's uploaded content. */
  public Optional<String> fileContent(String fileId) {
    synchronized (ws) {
      FileObject f = ws.files.get(fileId);
      return f == null || f.content == null
          ? Optional.empty()
          : Optional.of(new String(f.content, StandardCharsets.UTF_8));
    }
  }

  public Optional<String> fileTitle(String fileId) {
    synchronized (ws) {
      return Optional.ofNullable(ws.files.get(fileId)).map(f -> f.title == null ? f.name : f.title);
    }
  }

  /** Another app's bot posts a message ({@code bot_message}). */
  public String postAsOtherBot(String channelId, String botId, String username, String text) {
    synchronized (ws) {
      Channel c = ws.channel(channelId);
      Message m = new Message(ws.newTs(), c.id, null, botId, text, null, null, null);
      m.subtype = "bot_message";
      m.username = username;
      c.messages.add(m);
      events.messagePosted(c, m);
      ws.changed("message");
      return m.ts;
    }
  }

  /** A user shares a file with a comment ({@code file_share}); returns the message ts. */
  public String postFile(
      String userId, String channelId, String name, String title, String comment) {
    synchronized (ws) {
      Channel c = ws.channel(channelId);
      FileObject f = new FileObject(ws.newId('F'), name, userId, ws.now());
      f.title = title;
      f.content = ("(contents of " + name + ")").getBytes(StandardCharsets.UTF_8);
      f.completed = true;
      ws.files.put(f.id, f);
      Message m = new Message(ws.newTs(), c.id, userId, null, comment, null, null, null);
      m.subtype = "file_share";
      m.files.add(f.id);
      c.messages.add(m);
      events.messagePosted(c, m);
      ws.changed("message");
      return m.ts;
    }
  }
}
