package io.warroom.fakeslack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.warroom.fakeslack.Model.Channel;
import io.warroom.fakeslack.Model.Ephemeral;
import io.warroom.fakeslack.Model.FileObject;
import io.warroom.fakeslack.Model.Message;
import io.warroom.fakeslack.Model.Trigger;
import io.warroom.fakeslack.Model.User;
import io.warroom.fakeslack.Model.View;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The state of one workspace: users, channels, messages, views, files. All access holds the
 * workspace lock ({@code synchronized (workspace)}); listeners hear about every change.
 */
public final class Workspace {

  static final String TEAM_ID = "T0SANDBOX1";
  static final String TEAM_DOMAIN = "warroom-sandbox";
  static final String APP_ID = "A0WARROOM1";
  private static final String ID_CHARS = "ABCDEFGHJKLMNPQRSTUVWXYZ0123456789";

  final ObjectMapper json;
  final User bot;
  final String botToken;
  final Map<String, User> users = new LinkedHashMap<>();
  final Map<String, Channel> channels = new LinkedHashMap<>();
  final Map<String, View> views = new LinkedHashMap<>();

  /** Each user's App Home view. */
  final Map<String, View> homes = new LinkedHashMap<>();

  final Map<String, FileObject> files = new LinkedHashMap<>();
  final Map<String, Trigger> triggers = new LinkedHashMap<>();
  final List<Ephemeral> ephemerals = new ArrayList<>();
  private final SecureRandom random = new SecureRandom();
  private final List<Consumer<String>> listeners = new CopyOnWriteArrayList<>();
  private long lastTsMicros;

  /** The app-level token and WebSocket URL when the app uses Socket Mode. */
  volatile String appToken;

  volatile String socketModeUrl;

  /** Where the workspace's HTTP server listens, e.g. {@code http://127.0.0.1:4567/}. */
  volatile String baseUrl = "http://127.0.0.1/";

  Workspace(ObjectMapper json, String botToken) {
    this.json = json;
    this.botToken = botToken;
    this.bot = new User("U0WARROOMBOT", "warroom", "Warroom", true, "B0WARROOM1");
    users.put(bot.id(), bot);
  }

  /** Registers a listener told the kind of every change ("message", "channel", "view", ...). */
  public void onChange(Consumer<String> listener) {
    listeners.add(listener);
  }

  void changed(String what) {
    for (Consumer<String> l : listeners) {
      l.accept(what);
    }
  }

  String newId(char prefix) {
    StringBuilder id = new StringBuilder().append(prefix);
    for (int i = 0; i < 10; i++) {
      id.append(ID_CHARS.charAt(random.nextInt(ID_CHARS.length())));
    }
    return id.toString();
  }

  /** A message timestamp: unique and increasing, like Slack's. */
  synchronized String newTs() {
    long micros = Math.max(System.currentTimeMillis() * 1000, lastTsMicros + 1);
    lastTsMicros = micros;
    return String.format("%d.%06d", micros / 1_000_000, micros % 1_000_000);
  }

  long now() {
    return System.currentTimeMillis() / 1000;
  }

  // ---- users ----

  synchronized User addUser(String name, String realName) {
    User user = new User(newId('U'), name, realName, false, null);
    users.put(user.id(), user);
    changed("user");
    return user;
  }

  synchronized Optional<User> userByName(String name) {
    return users.values().stream().filter(u -> u.name().equalsIgnoreCase(name)).findFirst();
  }

  // ---- channels ----

  synchronized Channel addChannel(String name, boolean isPrivate, String creator) {
    Channel channel = new Channel(newId('C'), name, isPrivate, creator, now());
    channel.members.add(creator);
    channels.put(channel.id, channel);
    changed("channel");
    return channel;
  }

  synchronized Optional<Channel> channelByName(String name) {
    return channels.values().stream().filter(c -> c.name.equals(name)).findFirst();
  }

  Channel channel(String id) {
    Channel channel = channels.get(id);
    if (channel == null) {
      throw new SlackError("channel_not_found");
    }
    return channel;
  }

  Optional<Message> message(Channel channel, String ts) {
    return channel.messages.stream().filter(m -> m.ts.equals(ts)).findFirst();
  }

  // ---- JSON in Slack's shapes ----

  ObjectNode channelJson(Channel c, String viewer) {
    return channelJson(c, viewer, false);
  }

  /** A channel object; Slack counts members only in conversations.info and .list. */
  ObjectNode channelJson(Channel c, String viewer, boolean withMemberCount) {
    ObjectNode o = json.createObjectNode();
    o.put("id", c.id);
    o.put("name", c.name);
    o.put("is_channel", !c.isPrivate);
    o.put("is_group", c.isPrivate);
    o.put("is_im", false);
    o.put("is_mpim", false);
    o.put("is_private", c.isPrivate);
    o.put("created", c.created);
    o.put("creator", c.creator);
    o.put("is_archived", false);
    o.put("is_general", false);
    o.put("unlinked", 0);
    o.put("name_normalized", c.name);
    o.put("is_shared", false);
    o.put("is_ext_shared", false);
    o.put("is_org_shared", false);
    o.putArray("pending_shared");
    o.put("is_pending_ext_shared", false);
    o.put("is_member", c.members.contains(viewer));
    ObjectNode topic = o.putObject("topic");
    topic.put("value", c.topic);
    topic.put("creator", c.topicCreator);
    topic.put("last_set", c.topicSet);
    ObjectNode purpose = o.putObject("purpose");
    purpose.put("value", "");
    purpose.put("creator", "");
    purpose.put("last_set", 0);
    o.putArray("previous_names");
    if (withMemberCount) {
      o.put("num_members", c.members.size());
    }
    return o;
  }

  ObjectNode messageJson(Message m) {
    ObjectNode o = json.createObjectNode();
    o.put("type", "message");
    if (m.subtype != null) {
      o.put("subtype", m.subtype);
    }
    if (m.user != null) {
      o.put("user", m.user);
    }
    if (m.botId != null) {
      o.put("bot_id", m.botId);
      if (m.botId.equals(bot.botId())) {
        o.put("app_id", APP_ID);
      }
    }
    if (m.username != null) {
      o.put("username", m.username);
    }
    o.put("text", m.text == null ? "" : m.text);
    o.put("ts", m.ts);
    o.put("team", TEAM_ID);
    if (m.blocks != null) {
      o.set("blocks", m.blocks);
    }
    if (m.threadTs != null) {
      o.put("thread_ts", m.threadTs);
    }
    if (m.metadata != null) {
      o.set("metadata", m.metadata);
    }
    if (m.editedTs != null) {
      ObjectNode edited = o.putObject("edited");
      edited.put("user", m.editedBy);
      edited.put("ts", m.editedTs);
    }
    if (!m.files.isEmpty()) {
      ArrayNode files = o.putArray("files");
      for (String id : m.files) {
        FileObject f = this.files.get(id);
        if (f != null) {
          files.add(fileJson(f));
        }
      }
      o.put("upload", false);
    }
    if (!m.reactions.isEmpty()) {
      ArrayNode reactions = o.putArray("reactions");
      m.reactions.forEach(
          (name, who) -> {
            ObjectNode r = reactions.addObject();
            r.put("name", name);
            ArrayNode us = r.putArray("users");
            who.forEach(us::add);
            r.put("count", who.size());
          });
    }
    return o;
  }

  ObjectNode fileJson(FileObject f) {
    ObjectNode o = json.createObjectNode();
    o.put("id", f.id);
    o.put("created", f.created);
    o.put("timestamp", f.created);
    o.put("name", f.name);
    o.put("title", f.title == null ? f.name : f.title);
    o.put("mimetype", f.name.endsWith(".md") ? "text/markdown" : "text/plain");
    o.put("filetype", f.name.endsWith(".md") ? "markdown" : "text");
    o.put("pretty_type", f.name.endsWith(".md") ? "Markdown (raw)" : "Plain Text");
    o.put("user", f.user);
    o.put("size", f.content == null ? 0 : f.content.length);
    o.put("mode", "hosted");
    o.put("is_external", false);
    o.put("is_public", true);
    o.put("url_private", "/sandbox/files/" + f.id);
    o.put("url_private_download", "/sandbox/files/" + f.id + "?download=1");
    o.put("permalink", "/sandbox/files/" + f.id);
    return o;
  }

  ObjectNode userJson(User u) {
    ObjectNode o = json.createObjectNode();
    o.put("id", u.id());
    o.put("team_id", TEAM_ID);
    o.put("name", u.name());
    o.put("deleted", false);
    o.put("real_name", u.realName());
    o.put("tz", "Europe/London");
    o.put("tz_label", "Greenwich Mean Time");
    o.put("tz_offset", 0);
    ObjectNode profile = o.putObject("profile");
    profile.put("real_name", u.realName());
    profile.put("display_name", u.name());
    profile.put("real_name_normalized", u.realName());
    profile.put("display_name_normalized", u.name());
    profile.put("team", TEAM_ID);
    if (u.isBot()) {
      profile.put("bot_id", u.botId());
    }
    o.put("is_admin", false);
    o.put("is_owner", false);
    o.put("is_bot", u.isBot());
    o.put("is_app_user", false);
    o.put("updated", 1502138686);
    return o;
  }

  JsonNode parse(String text) {
    try {
      return json.readTree(text);
    } catch (Exception e) {
      return null;
    }
  }
}
