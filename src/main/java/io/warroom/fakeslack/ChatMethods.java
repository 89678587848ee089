package io.warroom.fakeslack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.warroom.fakeslack.Model.Channel;
import io.warroom.fakeslack.Model.Ephemeral;
import io.warroom.fakeslack.Model.Message;
import java.util.List;

/** {@code chat.*} and {@code pins.add}: posting, updating and pinning messages. */
final class ChatMethods {

  /** Slack truncates message text above this many characters. */
  static final int MAX_TEXT = 40_000;

  private final Workspace ws;
  private final AppEvents events;

  ChatMethods(Workspace ws, AppEvents events) {
    this.ws = ws;
    this.events = events;
  }

  void register(WebApi api) {
    api.register("chat.postMessage", this::postMessage);
    api.register("chat.update", this::update);
    api.register("chat.postEphemeral", this::postEphemeral);
    api.register("chat.getPermalink", this::permalink);
    api.register("pins.add", this::pin);
  }

  private ObjectNode postMessage(WebApi.Call call) {
    Channel c = ws.channel(call.required("channel"));
    if (!c.members.contains(call.caller())) {
      throw new SlackError(c.isPrivate ? "channel_not_found" : "not_in_channel");
    }
    JsonNode blocks = blocks(call);
    String text = call.params().getOrDefault("text", "");
    if (text.isEmpty() && blocks == null) {
      throw new SlackError("no_text");
    }
    String threadTs = call.optional("thread_ts");
    if (threadTs != null && ws.message(c, threadTs).isEmpty()) {
      throw new SlackError("thread_not_found");
    }
    JsonNode metadata = null;
    if (call.optional("metadata") != null) {
      metadata = ws.parse(call.optional("metadata"));
      if (metadata == null
          || !metadata.hasNonNull("event_type")
          || !metadata.path("event_payload").isObject()) {
        throw new SlackError("invalid_metadata_format");
      }
    }
    boolean truncated = text.length() > MAX_TEXT;
    if (truncated) {
      text = text.substring(0, MAX_TEXT);
    }
    Message m =
        new Message(
            ws.newTs(), c.id, ws.bot.id(), ws.bot.botId(), text, blocks, threadTs, metadata);
    c.messages.add(m);
    events.messagePosted(c, m);
    ObjectNode out = ok();
    out.put("channel", c.id);
    out.put("ts", m.ts);
    ObjectNode message = ws.messageJson(m);
    message.remove("metadata");
    out.set("message", message);
    if (truncated) {
      ObjectNode meta = out.putObject("response_metadata");
      meta.putArray("warnings").add("message_truncated");
      meta.putArray("messages")
          .add(
              "[WARN] Your message was truncated but still posted. The `text` field accepts up to"
                  + " 40,000 characters.");
    }
    return out;
  }

  private ObjectNode update(WebApi.Call call) {
    Channel c = ws.channel(call.required("channel"));
    String ts = call.required("ts");
    Message m = ws.message(c, ts).orElseThrow(() -> new SlackError("message_not_found"));
    if (m.botId == null || !m.botId.equals(ws.bot.botId())) {
      throw new SlackError("cant_update_message");
    }
    JsonNode blocks = blocks(call);
    String text = call.params().get("text");
    Message previous = copy(m);
    if (text != null) {
      m.text = text.length() > MAX_TEXT ? text.substring(0, MAX_TEXT) : text;
    }
    if (blocks != null) {
      m.blocks = blocks;
    }
    m.editedBy = ws.bot.id();
    m.editedTs = ws.newTs();
    events.messageChanged(c, m, previous);
    ObjectNode out = ok();
    out.put("channel", c.id);
    out.put("ts", m.ts);
    out.put("text", m.text);
    ObjectNode message = ws.messageJson(m);
    message.remove("metadata");
    message.remove("ts");
    out.set("message", message);
    return out;
  }

  private ObjectNode postEphemeral(WebApi.Call call) {
    Channel c = ws.channel(call.required("channel"));
    String user = call.required("user");
    if (!ws.users.containsKey(user)) {
      throw new SlackError("user_not_found");
    }
    if (!c.members.contains(user)) {
      throw new SlackError("user_not_in_channel");
    }
    JsonNode blocks = blocks(call);
    String text = call.params().getOrDefault("text", "");
    if (text.isEmpty() && blocks == null) {
      throw new SlackError("no_text");
    }
    ws.ephemerals.add(new Ephemeral(c.id, user, text, blocks, System.currentTimeMillis()));
    ObjectNode out = ok();
    out.put("message_ts", ws.newTs());
    return out;
  }

  private ObjectNode permalink(WebApi.Call call) {
    Channel c = ws.channel(call.required("channel"));
    String ts = call.required("message_ts");
    ws.message(c, ts).orElseThrow(() -> new SlackError("message_not_found"));
    ObjectNode out = ok();
    out.put("channel", c.id);
    out.put(
        "permalink",
        "https://"
            + Workspace.TEAM_DOMAIN
            + ".slack.com/archives/"
            + c.id
            + "/p"
            + ts.replace(".", ""));
    return out;
  }

  private ObjectNode pin(WebApi.Call call) {
    Channel c = ws.channel(call.required("channel"));
    String ts = call.optional("timestamp");
    if (ts == null) {
      throw new SlackError("no_item_specified");
    }
    if (!c.members.contains(call.caller())) {
      throw new SlackError("not_in_channel");
    }
    ws.message(c, ts).orElseThrow(() -> new SlackError("message_not_found"));
    if (!c.pins.add(ts)) {
      throw new SlackError("already_pinned");
    }
    return ok();
  }

  /** The {@code blocks} parameter, checked against Slack's limits. */
  private JsonNode blocks(WebApi.Call call) {
    String raw = call.optional("blocks");
    if (raw == null) {
      return null;
    }
    JsonNode blocks = ws.parse(raw);
    if (blocks == null || !blocks.isArray()) {
      throw new SlackError("invalid_blocks_format");
    }
    if (blocks.size() == 0) {
      return null;
    }
    List<String> problems = BlockRules.checkMessage(blocks);
    if (!problems.isEmpty()) {
      throw new InvalidBlocks(problems);
    }
    return blocks;
  }

  private static Message copy(Message m) {
    Message c =
        new Message(m.ts, m.channel, m.user, m.botId, m.text, m.blocks, m.threadTs, m.metadata);
    c.subtype = m.subtype;
    return c;
  }

  private ObjectNode ok() {
    ObjectNode o = ws.json.createObjectNode();
    o.put("ok", true);
    return o;
  }

  /** {@code invalid_blocks}, with the per-field messages Slack adds. */
  static final class InvalidBlocks extends SlackError {
    final List<String> problems;

    InvalidBlocks(List<String> problems) {
      super("invalid_blocks");
      this.problems = problems;
    }

    void describe(ObjectNode body) {
      ArrayNode errors = body.putArray("errors");
      problems.forEach(errors::add);
      ArrayNode messages = body.putObject("response_metadata").putArray("messages");
      problems.forEach(p -> messages.add("[ERROR] " + p));
    }
  }
}
