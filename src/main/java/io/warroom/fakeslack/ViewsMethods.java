package io.warroom.fakeslack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.warroom.fakeslack.Model.Trigger;
import io.warroom.fakeslack.Model.View;
import java.util.List;

/** {@code views.*}: modals, opened with a trigger that works once and only for three seconds. */
final class ViewsMethods {

  static final long TRIGGER_LIFETIME_MILLIS = 3000;

  private final Workspace ws;

  ViewsMethods(Workspace ws) {
    this.ws = ws;
  }

  void register(WebApi api) {
    api.register("views.open", this::open);
    api.register("views.push", this::open);
    api.register("views.update", this::update);
    api.register("views.publish", this::publish);
  }

  private ObjectNode publish(WebApi.Call call) {
    String user = call.required("user_id");
    if (!ws.users.containsKey(user)) {
      throw new SlackError("user_not_found");
    }
    JsonNode view = checked(call);
    if (!"home".equals(view.path("type").asText())) {
      throw new SlackError("invalid_arguments");
    }
    View home = ws.homes.get(user);
    if (home == null) {
      home = new View(ws.newId('V'), user, view, newHash());
      ws.homes.put(user, home);
    } else {
      home.view = view;
      home.hash = newHash();
    }
    return withView(home);
  }

  private ObjectNode open(WebApi.Call call) {
    Trigger trigger =
        ws.triggers.get(call.optional("trigger_id") == null ? "" : call.optional("trigger_id"));
    if (trigger == null) {
      throw new SlackError("invalid_trigger_id");
    }
    if (trigger.used) {
      throw new SlackError("exchanged_trigger_id");
    }
    if (System.currentTimeMillis() - trigger.issuedAtMillis > TRIGGER_LIFETIME_MILLIS) {
      throw new SlackError("expired_trigger_id");
    }
    JsonNode view = checked(call);
    trigger.used = true;
    View v = new View(ws.newId('V'), trigger.user, view, newHash());
    ws.views.put(v.id, v);
    return withView(v);
  }

  private ObjectNode update(WebApi.Call call) {
    String id = call.optional("view_id");
    View v = id == null ? null : ws.views.get(id);
    if (v == null) {
      throw new SlackError("not_found");
    }
    String hash = call.optional("hash");
    if (hash != null && !hash.equals(v.hash)) {
      throw new SlackError("hash_conflict");
    }
    v.view = checked(call);
    v.hash = newHash();
    v.errors = null;
    return withView(v);
  }

  private JsonNode checked(WebApi.Call call) {
    JsonNode view = ws.parse(call.params().getOrDefault("view", ""));
    List<String> problems = BlockRules.checkView(view);
    if (!problems.isEmpty()) {
      throw new InvalidArguments(problems);
    }
    return view;
  }

  ObjectNode withView(View v) {
    ObjectNode out = ws.json.createObjectNode();
    out.put("ok", true);
    out.set("view", viewJson(ws, v));
    return out;
  }

  static ObjectNode viewJson(Workspace ws, View v) {
    ObjectNode o = ws.json.createObjectNode();
    o.put("id", v.id);
    o.put("team_id", Workspace.TEAM_ID);
    o.put("type", v.view.path("type").asText("modal"));
    o.set("blocks", v.view.path("blocks").deepCopy());
    o.put("private_metadata", v.view.path("private_metadata").asText(""));
    o.put("callback_id", v.view.path("callback_id").asText(""));
    o.putObject("state").putObject("values");
    o.put("hash", v.hash);
    o.set("title", v.view.path("title").deepCopy());
    o.put("clear_on_close", v.view.path("clear_on_close").asBoolean(false));
    o.put("notify_on_close", v.view.path("notify_on_close").asBoolean(false));
    if (v.view.has("close")) {
      o.set("close", v.view.get("close").deepCopy());
    }
    if (v.view.has("submit")) {
      o.set("submit", v.view.get("submit").deepCopy());
    }
    o.putNull("previous_view_id");
    o.put("root_view_id", v.id);
    o.put("app_id", Workspace.APP_ID);
    o.put("external_id", v.view.path("external_id").asText(""));
    o.put("app_installed_team_id", Workspace.TEAM_ID);
    o.put("bot_id", ws.bot.botId());
    return o;
  }

  private String newHash() {
    return ws.now()
        + "."
        + Long.toHexString(Double.doubleToLongBits(Math.random())).substring(0, 8);
  }

  /** {@code invalid_arguments}, with the reasons Slack lists in {@code response_metadata}. */
  static final class InvalidArguments extends SlackError {
    final List<String> problems;

    InvalidArguments(List<String> problems) {
      super("invalid_arguments");
      this.problems = problems;
    }

    void describe(ObjectNode body) {
      ArrayNode messages = body.putObject("response_metadata").putArray("messages");
      problems.forEach(p -> messages.add("[ERROR] " + p));
    }
  }
}
