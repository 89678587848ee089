package io.warroom.fakeslack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.warroom.fakeslack.Model.Channel;
import io.warroom.fakeslack.Model.Ephemeral;
import io.warroom.fakeslack.Model.FileObject;
import io.warroom.fakeslack.Model.Message;
import io.warroom.fakeslack.Model.User;
import io.warroom.fakeslack.Model.View;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * What the sandbox page shows and what its people do. It reads the workspace as one member sees it,
 * and acts through the same paths as the tests: a typed {@code /incident} becomes a signed slash
 * command, a click a signed {@code block_actions}, a message an Events API callback.
 */
public final class WorkspacePage {

  /** Top-level messages sent per channel: the newest ones. */
  static final int MESSAGES_SHOWN = 300;

  /** What a person may type: Slack's own limit for a message. */
  static final int MAX_TEXT = 40_000;

  private final SlackSimulator slack;
  private final List<String> people;
  private final String general;
  private final String home;
  private final Workspace ws;
  private final Object changes = new Object();
  private final List<CompletableFuture<Long>> waiting = new ArrayList<>();
  private long version;

  /**
   * @param people the people one may act as, in the order offered; the first is the default
   * @param general the channel listed first
   * @param home the channel listed second and opened when none is chosen
   */
  public WorkspacePage(SlackSimulator slack, List<String> people, String general, String home) {
    this.slack = slack;
    this.people = List.copyOf(people);
    this.general = general;
    this.home = home;
    this.ws = slack.workspace();
    ws.onChange(what -> bump());
  }

  /** A person's action the page could not carry out, with the reason to show them. */
  public static final class Refused extends RuntimeException {
    Refused(String message) {
      super(message);
    }
  }

  private void bump() {
    List<CompletableFuture<Long>> due;
    synchronized (changes) {
      version++;
      due = new ArrayList<>(waiting);
      waiting.clear();
    }
    long now = version();
    due.forEach(w -> w.complete(now));
  }

  /**
   * Completes with the version once the workspace has changed since {@code seen}; holds no thread
   * while it waits. The caller bounds the wait.
   */
  public CompletableFuture<Long> changeAfter(long seen) {
    CompletableFuture<Long> change = new CompletableFuture<>();
    synchronized (changes) {
      if (version > seen) {
        change.complete(version);
      } else {
        waiting.add(change);
      }
    }
    return change;
  }

  /** Forgets a waiter that gave up (timed out or was refused). */
  public void forget(CompletableFuture<Long> change) {
    synchronized (changes) {
      waiting.remove(change);
    }
  }

  private long version() {
    synchronized (changes) {
      return version;
    }
  }

  // ---- reading ----

  /**
   * The page's state as {@code userId} sees it, with {@code channelId} open and, when given, the
   * thread of {@code threadTs}.
   */
  public ObjectNode state(String userId, String channelId, String threadTs) {
    long at = version();
    synchronized (ws) {
      User me = person(userId);
      ObjectNode out = ws.json.createObjectNode();
      out.put("version", at);
      out.put("me", me.id());
      out.put("team", Workspace.TEAM_DOMAIN);
      out.put("bot", ws.bot.id());
      ArrayNode offered = out.putArray("people");
      for (String id : people) {
        offered.add(userJson(ws.users.get(id)));
      }
      ObjectNode users = out.putObject("users");
      for (User u : ws.users.values()) {
        users.set(u.id(), userJson(u));
      }
      ArrayNode channels = out.putArray("channels");
      ObjectNode names = out.putObject("channelNames");
      for (Channel c : visibleChannels(me.id())) {
        channels.add(channelJson(c, me.id()));
        names.put(c.id, c.name);
      }
      Channel open = channelId == null ? null : ws.channels.get(channelId);
      if (open == null || !visible(open, me.id())) {
        open = ws.channels.get(home);
      }
      ObjectNode channel = channelJson(open, me.id());
      channel.put(
          "members", String.join(", ", open.members.stream().map(this::displayName).toList()));
      out.set("channel", channel);
      out.set("messages", messages(open, me.id()));
      if (threadTs != null) {
        Optional<Message> parent = ws.message(open, threadTs);
        if (parent.isPresent()) {
          ArrayNode thread = out.putArray("thread");
          thread.add(messageJson(open, parent.get(), me.id()));
          for (Message m : open.messages) {
            if (m.isReply() && m.threadTs.equals(threadTs)) {
              thread.add(messageJson(open, m, me.id()));
            }
          }
        }
      }
      ArrayNode ephemerals = out.putArray("ephemerals");
      for (Ephemeral e : ws.ephemerals) {
        if (e.user().equals(me.id()) && e.channel().equals(open.id)) {
          ObjectNode o = ephemerals.addObject();
          o.put("text", e.text());
          o.set("blocks", e.blocks());
          o.put("at", e.at());
        }
      }
      openModal(me.id()).ifPresent(v -> out.set("modal", modalJson(v)));
      return out;
    }
  }

  /** A file's content, for the file viewer. */
  public Optional<FileView> file(String fileId) {
    synchronized (ws) {
      FileObject f = ws.files.get(fileId);
      if (f == null || f.content == null) {
        return Optional.empty();
      }
      return Optional.of(
          new FileView(
              f.title == null ? f.name : f.title,
              f.name,
              new String(f.content, StandardCharsets.UTF_8)));
    }
  }

  /** An uploaded file as the viewer shows it. */
  public record FileView(String title, String name, String content) {}

  private List<Channel> visibleChannels(String userId) {
    List<Channel> out = new ArrayList<>();
    for (Channel c : ws.channels.values()) {
      if (visible(c, userId)) {
        out.add(c);
      }
    }
    // #general and #incidents first, then war rooms, newest first.
    Map<String, Integer> rank = new HashMap<>();
    rank.put(general, 0);
    rank.put(home, 1);
    out.sort(
        Comparator.<Channel>comparingInt(c -> rank.getOrDefault(c.id, 2))
            .thenComparing(Comparator.comparingLong((Channel c) -> c.created).reversed())
            .thenComparing(c -> c.name));
    return out;
  }

  private static boolean visible(Channel c, String userId) {
    return !c.isPrivate || c.members.contains(userId);
  }

  private ObjectNode channelJson(Channel c, String userId) {
    ObjectNode o = ws.json.createObjectNode();
    o.put("id", c.id);
    o.put("name", c.name);
    o.put("private", c.isPrivate);
    o.put("member", c.members.contains(userId));
    o.put("topic", c.topic);
    o.put("size", c.messages.size());
    ArrayNode pins = o.putArray("pins");
    c.pins.forEach(pins::add);
    return o;
  }

  private ArrayNode messages(Channel c, String userId) {
    Map<String, int[]> replies = new HashMap<>();
    List<Message> top = new ArrayList<>();
    for (Message m : c.messages) {
      if (m.isReply()) {
        replies.computeIfAbsent(m.threadTs, t -> new int[1])[0]++;
      } else {
        top.add(m);
      }
    }
    ArrayNode out = ws.json.createArrayNode();
    for (Message m : top.subList(Math.max(0, top.size() - MESSAGES_SHOWN), top.size())) {
      ObjectNode o = messageJson(c, m, userId);
      o.put("replies", replies.getOrDefault(m.ts, new int[1])[0]);
      out.add(o);
    }
    return out;
  }

  private ObjectNode messageJson(Channel c, Message m, String userId) {
    ObjectNode o = ws.json.createObjectNode();
    o.put("ts", m.ts);
    if (m.threadTs != null) {
      o.put("threadTs", m.threadTs);
    }
    User author = m.user == null ? null : ws.users.get(m.user);
    boolean fromBot = m.botId != null || (author != null && author.isBot());
    o.put("bot", fromBot);
    o.put("user", m.user);
    o.put("author", m.username != null ? m.username : author == null ? "bot" : author.realName());
    o.put("text", m.text == null ? "" : m.text);
    if (m.blocks != null) {
      o.set("blocks", m.blocks);
    }
    o.put("edited", m.editedTs != null);
    o.put("pinned", c.pins.contains(m.ts));
    ArrayNode files = o.putArray("files");
    for (String id : m.files) {
      FileObject f = ws.files.get(id);
      if (f != null) {
        ObjectNode file = files.addObject();
        file.put("id", f.id);
        file.put("name", f.name);
        file.put("title", f.title == null ? f.name : f.title);
      }
    }
    ArrayNode reactions = o.putArray("reactions");
    m.reactions.forEach(
        (name, who) -> {
          ObjectNode r = reactions.addObject();
          r.put("name", name);
          r.put("count", who.size());
          r.put("mine", who.contains(userId));
        });
    return o;
  }

  private ObjectNode userJson(User u) {
    ObjectNode o = ws.json.createObjectNode();
    o.put("id", u.id());
    o.put("name", u.name());
    o.put("realName", u.realName());
    o.put("bot", u.isBot());
    return o;
  }

  private Optional<View> openModal(String userId) {
    View newest = null;
    for (View v : ws.views.values()) {
      if (v.open && v.user.equals(userId)) {
        newest = v;
      }
    }
    return Optional.ofNullable(newest);
  }

  private ObjectNode modalJson(View v) {
    ObjectNode o = ws.json.createObjectNode();
    o.put("id", v.id);
    o.set("view", v.view);
    if (v.errors != null) {
      o.set("errors", v.errors);
    }
    return o;
  }

  private String displayName(String userId) {
    User u = ws.users.get(userId);
    return u == null ? userId : u.realName();
  }

  private User person(String userId) {
    User u = userId == null ? null : ws.users.get(userId);
    if (u == null || u.isBot()) {
      return ws.users.get(people.get(0));
    }
    return u;
  }

  // ---- acting ----

  /**
   * What a person typed in the composer: {@code /incident ...} is sent as Slack's slash command;
   * anything else is posted as their message (in a thread when {@code threadTs} is given).
   */
  public void type(String userId, String channelId, String threadTs, String typed) {
    String text = typed == null ? "" : typed.strip();
    if (text.isEmpty()) {
      throw new Refused("Type a message, or " + AppManifest.COMMAND + " help.");
    }
    if (text.length() > MAX_TEXT) {
      throw new Refused("That is longer than Slack allows (40,000 characters).");
    }
    User me = checkedPerson(userId);
    Channel channel = checkedChannel(channelId, me.id());
    if (text.startsWith("/")) {
      String[] words = text.split("\\s+", 2);
      if (!words[0].equals(AppManifest.COMMAND)) {
        whisper(
            channel.id,
            me.id(),
            words[0]
                + " is not a valid command. In the sandbox, only "
                + AppManifest.COMMAND
                + " is installed.");
        return;
      }
      AppLink.Reply reply =
          slack.app().command(me.id(), channel.id, words.length > 1 ? words[1] : "");
      if (reply.status() != 200) {
        whisper(
            channel.id,
            me.id(),
            AppManifest.COMMAND + " failed with the error \"dispatch_failed\"");
      }
      return;
    }
    if (!channel.members.contains(me.id())) {
      throw new Refused("Join #" + channel.name + " to post in it.");
    }
    String escaped;
    synchronized (ws) {
      escaped = CommandText.escape(ws, text);
    }
    slack.post(me.id(), channel.id, escaped, blankToNull(threadTs));
  }

  /** A person edits one of their own messages. */
  public void edit(String userId, String channelId, String ts, String typed) {
    String text = typed == null ? "" : typed.strip();
    if (text.isEmpty()) {
      throw new Refused("A message cannot be empty; delete it instead.");
    }
    if (text.length() > MAX_TEXT) {
      throw new Refused("That is longer than Slack allows (40,000 characters).");
    }
    User me = checkedPerson(userId);
    Channel channel = checkedChannel(channelId, me.id());
    String escaped;
    synchronized (ws) {
      ownMessage(channel, ts, me.id());
      escaped = CommandText.escape(ws, text);
    }
    slack.edit(me.id(), channel.id, ts, escaped);
  }

  /** A person deletes one of their own messages. */
  public void delete(String userId, String channelId, String ts) {
    User me = checkedPerson(userId);
    Channel channel = checkedChannel(channelId, me.id());
    synchronized (ws) {
      ownMessage(channel, ts, me.id());
    }
    slack.delete(channel.id, ts);
  }

  private void ownMessage(Channel channel, String ts, String userId) {
    Message m = ws.message(channel, ts).orElseThrow(() -> new Refused("That message is gone."));
    if (!userId.equals(m.user) || m.botId != null) {
      throw new Refused("You can only edit or delete your own messages.");
    }
  }

  /** A person presses a button, or picks an option, on a message. */
  public void click(
      String userId, String channelId, String messageTs, String actionId, String value) {
    User me = checkedPerson(userId);
    Channel channel = checkedChannel(channelId, me.id());
    synchronized (ws) {
      if (ws.message(channel, messageTs).isEmpty()) {
        throw new Refused("That message is gone.");
      }
    }
    AppLink.Reply reply = slack.app().click(me.id(), channel.id, messageTs, actionId, value);
    if (reply.status() != 200) {
      whisper(
          channel.id,
          me.id(),
          "Warroom did not answer that click (HTTP " + reply.status() + "). Try again.");
    }
  }

  /** A person submits the open modal with what they entered, by {@code action_id}. */
  public void submit(String userId, String viewId, Map<String, String> values) {
    User me = checkedPerson(userId);
    synchronized (ws) {
      View v = ws.views.get(viewId);
      if (v == null || !v.open || !v.user.equals(me.id())) {
        throw new Refused("That form is no longer open.");
      }
    }
    AppLink.Reply reply = slack.app().submit(me.id(), viewId, values);
    if (reply.status() != 200) {
      synchronized (ws) {
        View v = ws.views.get(viewId);
        ObjectNode errors = ws.json.createObjectNode();
        errors.put("", "Warroom did not answer (HTTP " + reply.status() + "). Try again.");
        v.errors = errors;
        ws.changed("view");
      }
    }
  }

  /** A person closes a modal without submitting it. */
  public void closeModal(String userId, String viewId) {
    User me = checkedPerson(userId);
    synchronized (ws) {
      View v = ws.views.get(viewId);
      if (v != null && v.user.equals(me.id())) {
        v.open = false;
        ws.changed("view");
      }
    }
  }

  /** A person adds or removes a reaction, e.g. {@code pushpin}. */
  public void react(String userId, String channelId, String ts, String name, boolean add) {
    User me = checkedPerson(userId);
    Channel channel = checkedChannel(channelId, me.id());
    if (name == null || !name.matches("[a-z0-9_+-]{1,100}")) {
      throw new Refused("Not an emoji name: " + name);
    }
    synchronized (ws) {
      if (ws.message(channel, ts).isEmpty()) {
        throw new Refused("That message is gone.");
      }
    }
    slack.react(me.id(), channel.id, ts, name, add);
  }

  /** A person joins a public channel. */
  public void join(String userId, String channelId) {
    User me = checkedPerson(userId);
    Channel channel = checkedChannel(channelId, me.id());
    slack.join(me.id(), channel.id);
  }

  private void whisper(String channelId, String userId, String text) {
    synchronized (ws) {
      ws.ephemerals.add(new Ephemeral(channelId, userId, text, null, System.currentTimeMillis()));
      ws.changed("ephemeral");
    }
  }

  private User checkedPerson(String userId) {
    synchronized (ws) {
      User u = userId == null ? null : ws.users.get(userId);
      if (u == null || u.isBot()) {
        throw new Refused("Pick one of the demo people first.");
      }
      return u;
    }
  }

  private Channel checkedChannel(String channelId, String userId) {
    synchronized (ws) {
      Channel c = channelId == null ? null : ws.channels.get(channelId);
      if (c == null || !visible(c, userId)) {
        throw new Refused("No such channel.");
      }
      return c;
    }
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }

  /** Parses a JSON body from the page. */
  public JsonNode parse(String body) {
    JsonNode node = body == null ? null : ws.parse(body);
    if (node == null || !node.isObject()) {
      throw new Refused("Expected a JSON object.");
    }
    return node;
  }
}
