package io.warroom.fakeslack;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.warroom.fakeslack.Model.Channel;
import io.warroom.fakeslack.Model.Ephemeral;
import io.warroom.fakeslack.Model.FileObject;
import io.warroom.fakeslack.Model.Message;
import io.warroom.fakeslack.Model.User;
import io.warroom.fakeslack.Model.View;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the sandbox page shows: the workspace as one member sees it, as the JSON the page draws
 * (channels they may see, the open channel's newest messages, a thread, their ephemerals and open
 * modal). Read under the workspace's lock; changes nothing.
 */
final class PageState {

  /** Top-level messages sent per channel: the newest ones. */
  static final int MESSAGES_SHOWN = 300;

  private final Workspace ws;
  private final List<String> people;
  private final String general;
  private final String home;

  PageState(Workspace ws, List<String> people, String general, String home) {
    this.ws = ws;
    this.people = people;
    this.general = general;
    this.home = home;
  }

  /**
   * The page's state as {@code userId} sees it, with {@code channelId} open and, when given, the
   * thread of {@code threadTs}.
   */
  ObjectNode state(long at, String userId, String channelId, String threadTs) {
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

  static boolean visible(Channel c, String userId) {
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
}
