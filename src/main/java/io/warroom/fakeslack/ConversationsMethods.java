package io.warroom.fakeslack;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.warroom.fakeslack.Model.Channel;
import io.warroom.fakeslack.Model.Message;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;

/** {@code conversations.*}: channels, members, topics and history, with Slack's rules. */
final class ConversationsMethods {

  private static final Pattern VALID_NAME = Pattern.compile("[a-z0-9_-]+");
  private static final Pattern ONLY_PUNCTUATION = Pattern.compile("[-_]+");

  private final Workspace ws;
  private final AppEvents events;

  ConversationsMethods(Workspace ws, AppEvents events) {
    this.ws = ws;
    this.events = events;
  }

  void register(WebApi api) {
    api.register("conversations.create", this::create);
    api.register("conversations.list", this::list);
    api.register("conversations.info", this::info);
    api.register("conversations.invite", this::invite);
    api.register("conversations.join", this::join);
    api.register("conversations.setTopic", this::setTopic);
    api.register("conversations.history", this::history);
    api.register("conversations.replies", this::replies);
    api.register("conversations.members", this::members);
  }

  private ObjectNode create(WebApi.Call call) {
    String name = call.optional("name");
    if (name == null) {
      throw new SlackError("invalid_name_required");
    }
    if (name.length() > 80) {
      throw new SlackError("invalid_name_maxlength");
    }
    if (ONLY_PUNCTUATION.matcher(name).matches()) {
      throw new SlackError("invalid_name_punctuation");
    }
    if (!VALID_NAME.matcher(name).matches()) {
      throw new SlackError("invalid_name_specials");
    }
    if (ws.channelByName(name).isPresent()) {
      throw new SlackError("name_taken");
    }
    Channel channel = ws.addChannel(name, call.flag("is_private"), call.caller());
    ObjectNode out = ok();
    out.set("channel", ws.channelJson(channel, call.caller()));
    return out;
  }

  private ObjectNode list(WebApi.Call call) {
    String types = call.params().getOrDefault("types", "public_channel");
    boolean publicToo = types.contains("public_channel");
    boolean privateToo = types.contains("private_channel");
    List<Channel> visible = new ArrayList<>();
    for (Channel c : ws.channels.values()) {
      boolean wanted = c.isPrivate ? privateToo && c.members.contains(call.caller()) : publicToo;
      if (wanted) {
        visible.add(c);
      }
    }
    int limit = Math.max(1, Math.min(1000, call.number("limit", 100)));
    int offset = decodeCursor(call.optional("cursor"));
    ObjectNode out = ok();
    ArrayNode channels = out.putArray("channels");
    for (int i = offset; i < Math.min(visible.size(), offset + limit); i++) {
      channels.add(ws.channelJson(visible.get(i), call.caller(), true));
    }
    String next = offset + limit < visible.size() ? encodeCursor(offset + limit) : "";
    out.putObject("response_metadata").put("next_cursor", next);
    return out;
  }

  private ObjectNode info(WebApi.Call call) {
    Channel c = visible(call, call.required("channel"));
    ObjectNode out = ok();
    out.set("channel", ws.channelJson(c, call.caller(), true));
    return out;
  }

  private ObjectNode invite(WebApi.Call call) {
    Channel c = visible(call, call.required("channel"));
    requireMember(c, call.caller());
    String[] users = call.required("users").split(",");
    List<String> added = new ArrayList<>();
    for (String raw : users) {
      String user = raw.trim();
      if (!ws.users.containsKey(user)) {
        throw new SlackError("user_not_found");
      }
      if (user.equals(call.caller())) {
        throw new SlackError("cant_invite_self");
      }
      if (!c.members.contains(user)) {
        added.add(user);
      }
    }
    if (added.isEmpty()) {
      throw new SlackError("already_in_channel");
    }
    for (String user : added) {
      c.members.add(user);
      events.memberJoined(c, user, call.caller());
    }
    ObjectNode out = ok();
    out.set("channel", ws.channelJson(c, call.caller()));
    return out;
  }

  private ObjectNode join(WebApi.Call call) {
    Channel c = ws.channel(call.required("channel"));
    if (c.isPrivate) {
      throw new SlackError(
          c.members.contains(call.caller())
              ? "already_in_channel"
              : "method_not_supported_for_channel_type");
    }
    ObjectNode out = ok();
    if (c.members.add(call.caller())) {
      events.memberJoined(c, call.caller(), null);
    } else {
      out.put("already_in_channel", true);
    }
    out.set("channel", ws.channelJson(c, call.caller()));
    return out;
  }

  private ObjectNode setTopic(WebApi.Call call) {
    Channel c = visible(call, call.required("channel"));
    requireMember(c, call.caller());
    String topic = call.params().getOrDefault("topic", "");
    if (topic.length() > 250) {
      throw new SlackError("too_long");
    }
    c.topic = topic;
    c.topicCreator = call.caller();
    c.topicSet = ws.now();
    Message notice =
        new Message(
            ws.newTs(),
            c.id,
            call.caller(),
            null,
            "set the channel topic: " + topic,
            null,
            null,
            null);
    notice.subtype = "channel_topic";
    c.messages.add(notice);
    events.messagePosted(c, notice);
    ObjectNode out = ok();
    out.set("channel", ws.channelJson(c, call.caller()));
    return out;
  }

  private ObjectNode history(WebApi.Call call) {
    Channel c = visible(call, call.required("channel"));
    requireMember(c, call.caller());
    long oldest = tsMicros(call.optional("oldest"), 0);
    long latest = tsMicros(call.optional("latest"), Long.MAX_VALUE);
    boolean withMetadata = call.flag("include_all_metadata");
    int limit = Math.max(1, Math.min(999, call.number("limit", 100)));
    List<Message> top =
        c.messages.stream()
            .filter(m -> !m.isReply())
            .filter(m -> tsMicros(m.ts, 0) >= oldest && tsMicros(m.ts, 0) <= latest)
            .sorted(Comparator.comparing((Message m) -> m.ts).reversed())
            .toList();
    // Newest first, a page at a time, as Slack pages: has_more and a cursor to the next page.
    int offset = Math.min(decodeCursor(call.optional("cursor")), top.size());
    int end = Math.min(top.size(), offset + limit);
    ObjectNode out = ok();
    ArrayNode messages = out.putArray("messages");
    for (Message m : top.subList(offset, end)) {
      ObjectNode mj = ws.messageJson(m);
      if (!withMetadata) {
        mj.remove("metadata");
      }
      messages.add(mj);
    }
    out.put("has_more", end < top.size());
    out.put("pin_count", c.pins.size());
    out.putObject("response_metadata")
        .put("next_cursor", end < top.size() ? encodeCursor(end) : "");
    return out;
  }

  private ObjectNode replies(WebApi.Call call) {
    Channel c = visible(call, call.required("channel"));
    requireMember(c, call.caller());
    String ts = call.required("ts");
    Message parent = ws.message(c, ts).orElseThrow(() -> new SlackError("thread_not_found"));
    String root = parent.threadTs == null ? parent.ts : parent.threadTs;
    long oldest = tsMicros(call.optional("oldest"), 0);
    boolean withMetadata = call.flag("include_all_metadata");
    int limit = Math.max(1, Math.min(1000, call.number("limit", 1000)));
    // Oldest first (the parent always leads), a page at a time, as Slack pages.
    List<Message> thread =
        c.messages.stream()
            .filter(m -> m.ts.equals(root) || root.equals(m.threadTs))
            .filter(m -> m.ts.equals(root) || tsMicros(m.ts, 0) >= oldest)
            .sorted(Comparator.comparing(m -> m.ts))
            .toList();
    int offset = Math.min(decodeCursor(call.optional("cursor")), thread.size());
    int end = Math.min(thread.size(), offset + limit);
    ObjectNode out = ok();
    ArrayNode messages = out.putArray("messages");
    for (Message m : thread.subList(offset, end)) {
      ObjectNode mj = ws.messageJson(m);
      if (!withMetadata) {
        mj.remove("metadata");
      }
      messages.add(mj);
    }
    out.put("has_more", end < thread.size());
    out.putObject("response_metadata")
        .put("next_cursor", end < thread.size() ? encodeCursor(end) : "");
    return out;
  }

  private ObjectNode members(WebApi.Call call) {
    Channel c = visible(call, call.required("channel"));
    ObjectNode out = ok();
    ArrayNode members = out.putArray("members");
    c.members.forEach(members::add);
    out.putObject("response_metadata").put("next_cursor", "");
    return out;
  }

  /** A channel the caller may see: any public one, private ones only as a member. */
  private Channel visible(WebApi.Call call, String id) {
    Channel c = ws.channel(id);
    if (c.isPrivate && !c.members.contains(call.caller())) {
      throw new SlackError("channel_not_found");
    }
    return c;
  }

  private static void requireMember(Channel c, String user) {
    if (!c.members.contains(user)) {
      throw new SlackError("not_in_channel");
    }
  }

  private ObjectNode ok() {
    ObjectNode o = ws.json.createObjectNode();
    o.put("ok", true);
    return o;
  }

  /** A message timestamp ({@code 1712345678.000100}) as microseconds, exactly. */
  static long tsMicros(String ts, long fallback) {
    if (ts == null || ts.isBlank()) {
      return fallback;
    }
    try {
      int dot = ts.indexOf('.');
      if (dot < 0) {
        return Long.parseLong(ts) * 1_000_000;
      }
      String frac = (ts.substring(dot + 1) + "000000").substring(0, 6);
      return Long.parseLong(ts.substring(0, dot)) * 1_000_000 + Long.parseLong(frac);
    } catch (NumberFormatException e) {
      return fallback;
    }
  }

  private static String encodeCursor(int offset) {
    return Base64.getEncoder()
        .encodeToString(("offset:" + offset).getBytes(StandardCharsets.UTF_8));
  }

  private static int decodeCursor(String cursor) {
    if (cursor == null) {
      return 0;
    }
    try {
      String s = new String(Base64.getDecoder().decode(cursor), StandardCharsets.UTF_8);
      return Integer.parseInt(s.substring("offset:".length()));
    } catch (RuntimeException e) {
      throw new SlackError("invalid_cursor");
    }
  }
}
