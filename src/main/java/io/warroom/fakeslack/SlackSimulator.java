package io.warroom.fakeslack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.warroom.fakeslack.Model.Channel;
import io.warroom.fakeslack.Model.Message;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A running local Slack workspace: its Web API server, its link to the app, and what people in it
 * do. The sandbox puts a page in front of it; tests drive it (through their {@code FakeSlack},
 * which adds what only tests need) as users would and read back what the bot posted.
 */
public class SlackSimulator implements AutoCloseable {

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

  final Workspace ws;
  private final RateLimits limits = new RateLimits();
  final AppLink app;
  final EventDispatcher events;
  final SlackServer server;

  SlackSimulator(String botToken, String signingSecret, int port) throws IOException {
    ObjectMapper json = new ObjectMapper();
    this.ws = new Workspace(json, botToken);
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    this.app = new AppLink(ws, new RequestSigner(signingSecret), http);
    this.events = new EventDispatcher(ws, app);
    WebApi api = new WebApi(ws, events);
    this.server =
        new SlackServer(ws, api, new FilesMethods(ws, events), limits, app::onResponse, port);
  }

  /** Starts a workspace on a free loopback port. */
  public static SlackSimulator start(String botToken, String signingSecret) {
    try {
      return new SlackSimulator(botToken, signingSecret, 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The Web API base URL, for {@code SLACK_API_URL}. */
  public String apiUrl() {
    return ws.baseUrl + "api/";
  }

  /** Points the workspace at the app's request URL ({@code .../slack/events}). */
  public SlackSimulator connect(URI appEventsUrl) {
    app.connect(appEventsUrl);
    return this;
  }

  public AppLink app() {
    return app;
  }

  /**
   * Switches Slack's rate limits on or off (off at start): each method's tier, and {@code
   * chat.postMessage}'s one a second per channel with short bursts; a call over its limit gets HTTP
   * 429 with {@code Retry-After}. Switching starts every count afresh.
   */
  public SlackSimulator rateLimits(boolean on) {
    limits.enabled(on);
    return this;
  }

  /**
   * Every Web API answer takes between {@code min} and {@code max} (uniformly), as Slack's do over
   * the internet; zero at start.
   */
  public SlackSimulator latency(Duration min, Duration max) {
    server.latency(min, max);
    return this;
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

  public String topic(String channelId) {
    synchronized (ws) {
      return ws.channel(channelId).topic;
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

  @Override
  public void close() {
    events.close();
    server.close();
  }
}
