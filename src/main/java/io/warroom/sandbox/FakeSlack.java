package io.warroom.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.warroom.sandbox.Model.Channel;
import io.warroom.sandbox.Model.Ephemeral;
import io.warroom.sandbox.Model.FileObject;
import io.warroom.sandbox.Model.Message;
import io.warroom.sandbox.Model.User;
import io.warroom.sandbox.Model.View;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A running local Slack workspace: its Web API server, its link to the app, and what people in it
 * do. Tests drive it as users would and read back what the bot posted.
 */
public final class FakeSlack implements AutoCloseable {

  /** A message as it stands in a channel. */
  public record Posted(
      String ts,
      String user,
      String botId,
      String text,
      String threadTs,
      JsonNode blocks,
      JsonNode metadata,
      List<String> files,
      boolean edited) {

    public boolean byBot() {
      return botId != null;
    }

    /** The text and every text in the blocks, for searching. */
    public String allText() {
      return text + "\n" + (blocks == null ? "" : blocks.toString());
    }
  }

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

  private final Workspace ws;
  private final Faults faults = new Faults();
  private final RateLimits limits = new RateLimits();
  private final AppLink app;
  private final EventDispatcher events;
  private final SlackServer server;

  private FakeSlack(String botToken, String signingSecret, int port) throws IOException {
    ObjectMapper json = new ObjectMapper();
    this.ws = new Workspace(json, botToken);
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    this.app = new AppLink(ws, new RequestSigner(signingSecret), http);
    this.events = new EventDispatcher(ws, app);
    WebApi api = new WebApi(ws, events);
    this.server =
        new SlackServer(
            ws, api, new FilesMethods(ws, events), faults, limits, app::onResponse, port);
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

  /** The Web API base URL, for {@code SLACK_API_URL}. */
  public String apiUrl() {
    return ws.baseUrl + "api/";
  }

  /** Points the workspace at the app's request URL ({@code .../slack/events}). */
  public FakeSlack connect(URI appEventsUrl) {
    app.connect(appEventsUrl);
    return this;
  }

  public AppLink app() {
    return app;
  }

  public Faults faults() {
    return faults;
  }

  /**
   * Switches Slack's rate limits on or off (off at start): each method's tier, and {@code
   * chat.postMessage}'s one a second per channel with short bursts; a call over its limit gets HTTP
   * 429 with {@code Retry-After}. Switching starts every count afresh.
   */
  public FakeSlack rateLimits(boolean on) {
    limits.enabled(on);
    return this;
  }

  /**
   * Every Web API answer takes between {@code min} and {@code max} (uniformly), as Slack's do over
   * the internet; zero at start.
   */
  public FakeSlack latency(Duration min, Duration max) {
    server.latency(min, max);
    return this;
  }

  /** Web API calls answered HTTP 429 so far. */
  public long rateLimitedCalls() {
    return server.calls().stream().filter(c -> c.status() == 429).count();
  }

  public Workspace workspace() {
    return ws;
  }

  public String botUserId() {
    return ws.bot.id();
  }

  /** The bot id ({@code B…}) that Warroom's own posts carry. */
  public String botId() {
    return ws.bot.botId();
  }

  /** Every Web API call so far, in order. */
  public List<ApiCall> calls() {
    return List.copyOf(server.calls());
  }

  public List<ApiCall> calls(String method) {
    return server.calls().stream().filter(c -> c.method().equals(method)).toList();
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

  /** Waits until every queued Events API callback has been delivered (or given up). */
  public void awaitEvents(Duration max) {
    long until = System.nanoTime() + max.toNanos();
    while (events.pending() > 0 && System.nanoTime() < until) {
      sleep(10);
    }
  }

  /** The Events API callback Slack would send for this inner event, with a fresh event id. */
  public String eventBody(com.fasterxml.jackson.databind.node.ObjectNode event) {
    return events.envelope(event).toString();
  }

  /** Sends the app an Events API callback for this inner event, as Slack would. */
  public AppLink.Reply sendEvent(com.fasterxml.jackson.databind.node.ObjectNode event) {
    return app.post(events.envelope(event).toString(), "application/json", java.util.Map.of());
  }

  /** A fresh interaction trigger for a user, as Slack hands one out with each interaction. */
  public String trigger(String userId) {
    return app.trigger(userId);
  }

  // ---- people and channels ----

  /** The id of a user with this name, creating the user if needed. */
  public String user(String name) {
    synchronized (ws) {
      return ws.userByName(name).orElseGet(() -> ws.addUser(name, capitalize(name))).id();
    }
  }

  /** The id of a user with this name, creating the user with this real name if needed. */
  public String user(String name, String realName) {
    synchronized (ws) {
      return ws.userByName(name).orElseGet(() -> ws.addUser(name, realName)).id();
    }
  }

  public Optional<String> userName(String userId) {
    synchronized (ws) {
      return Optional.ofNullable(ws.users.get(userId)).map(User::name);
    }
  }

  /** Creates a channel a user made, with these members (the bot only if listed). */
  public String channel(String name, boolean isPrivate, String creator, String... members) {
    synchronized (ws) {
      Channel c = ws.addChannel(name, isPrivate, creator);
      for (String m : members) {
        c.members.add(m);
      }
      return c.id;
    }
  }

  public Optional<String> channelId(String name) {
    synchronized (ws) {
      return ws.channelByName(name).map(c -> c.id);
    }
  }

  public List<String> channelNames() {
    synchronized (ws) {
      return ws.channels.values().stream().map(c -> c.name).toList();
    }
  }

  public boolean isPrivate(String channelId) {
    synchronized (ws) {
      return ws.channel(channelId).isPrivate;
    }
  }

  public String topic(String channelId) {
    synchronized (ws) {
      return ws.channel(channelId).topic;
    }
  }

  public Set<String> members(String channelId) {
    synchronized (ws) {
      return Set.copyOf(ws.channel(channelId).members);
    }
  }

  public Set<String> pins(String channelId) {
    synchronized (ws) {
      return Set.copyOf(ws.channel(channelId).pins);
    }
  }

  /** Every message in a channel, replies included, oldest first. */
  public List<Posted> messages(String channelId) {
    synchronized (ws) {
      List<Posted> out = new ArrayList<>();
      for (Message m : ws.channel(channelId).messages) {
        out.add(snapshot(m));
      }
      return out;
    }
  }

  public Optional<Posted> message(String channelId, String ts) {
    return messages(channelId).stream().filter(m -> m.ts().equals(ts)).findFirst();
  }

  public List<Whisper> ephemerals(String userId) {
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

  // ---- what people do ----

  /** A user posts a message (a reply when {@code threadTs} is given); returns its ts. */
  public String post(String userId, String channelId, String text, String threadTs) {
    synchronized (ws) {
      Channel c = ws.channel(channelId);
      if (!c.members.contains(userId)) {
        throw new IllegalStateException(userId + " is not in " + c.name);
      }
      Message m = new Message(ws.newTs(), c.id, userId, null, text, null, threadTs, null);
      c.messages.add(m);
      events.messagePosted(c, m);
      ws.changed("message");
      return m.ts;
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

  public void edit(String userId, String channelId, String ts, String newText) {
    synchronized (ws) {
      Channel c = ws.channel(channelId);
      Message m = ws.message(c, ts).orElseThrow();
      Message previous =
          new Message(m.ts, m.channel, m.user, m.botId, m.text, m.blocks, m.threadTs, null);
      m.text = newText;
      m.editedBy = userId;
      m.editedTs = ws.newTs();
      events.messageChanged(c, m, previous);
      ws.changed("message");
    }
  }

  public void delete(String channelId, String ts) {
    synchronized (ws) {
      Channel c = ws.channel(channelId);
      Message m = ws.message(c, ts).orElseThrow();
      c.messages.remove(m);
      c.pins.remove(ts);
      events.messageDeleted(c, m);
      ws.changed("message");
    }
  }

  public void react(String userId, String channelId, String ts, String reaction, boolean add) {
    synchronized (ws) {
      Channel c = ws.channel(channelId);
      Message m = ws.message(c, ts).orElseThrow();
      Set<String> who = m.reactions.computeIfAbsent(reaction, r -> new java.util.LinkedHashSet<>());
      boolean changed = add ? who.add(userId) : who.remove(userId);
      if (who.isEmpty()) {
        m.reactions.remove(reaction);
      }
      if (changed) {
        events.reaction(c, m, userId, reaction, add);
      }
      ws.changed("reaction");
    }
  }

  public void join(String userId, String channelId) {
    synchronized (ws) {
      Channel c = ws.channel(channelId);
      if (c.members.add(userId)) {
        events.memberJoined(c, userId, null);
      }
      ws.changed("channel");
    }
  }

  private Posted snapshot(Message m) {
    return new Posted(
        m.ts,
        m.user,
        m.botId,
        m.text,
        m.threadTs,
        m.blocks == null ? null : m.blocks.deepCopy(),
        m.metadata == null ? null : m.metadata.deepCopy(),
        List.copyOf(m.files),
        m.editedTs != null);
  }

  private static String capitalize(String name) {
    return name.isEmpty() ? name : Character.toUpperCase(name.charAt(0)) + name.substring(1);
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    events.close();
    server.close();
  }
}
