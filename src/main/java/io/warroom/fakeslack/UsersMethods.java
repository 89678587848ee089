package io.warroom.fakeslack;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.warroom.fakeslack.Model.User;

/** {@code auth.test} and {@code users.*}. */
final class UsersMethods {

  private final Workspace ws;

  UsersMethods(Workspace ws) {
    this.ws = ws;
  }

  void register(WebApi api) {
    api.register("auth.test", this::authTest);
    api.register("users.info", this::info);
    api.register("users.list", this::list);
    api.register("bots.info", this::botInfo);
    api.register("apps.connections.open", this::socketModeUrl);
  }

  private ObjectNode socketModeUrl(WebApi.Call call) {
    if (ws.socketModeUrl == null) {
      throw new SlackError("not_allowed_token_type");
    }
    ObjectNode out = ok();
    out.put("url", ws.socketModeUrl);
    return out;
  }

  private ObjectNode botInfo(WebApi.Call call) {
    String botId = call.params().getOrDefault("bot", "");
    User u =
        ws.users.values().stream()
            .filter(x -> botId.equals(x.botId()))
            .findFirst()
            .orElseThrow(() -> new SlackError("bot_not_found"));
    ObjectNode out = ok();
    ObjectNode bot = out.putObject("bot");
    bot.put("id", botId);
    bot.put("deleted", false);
    bot.put("name", u.name());
    bot.put("updated", 1502138686);
    bot.put("app_id", Workspace.APP_ID);
    bot.put("user_id", u.id());
    return out;
  }

  private ObjectNode authTest(WebApi.Call call) {
    ObjectNode out = ok();
    out.put("url", "https://" + Workspace.TEAM_DOMAIN + ".slack.com/");
    out.put("team", "Warroom Sandbox");
    out.put("user", ws.bot.name());
    out.put("team_id", Workspace.TEAM_ID);
    out.put("user_id", ws.bot.id());
    out.put("bot_id", ws.bot.botId());
    out.put("is_enterprise_install", false);
    return out;
  }

  private ObjectNode info(WebApi.Call call) {
    User u = ws.users.get(call.params().getOrDefault("user", ""));
    if (u == null) {
      throw new SlackError("user_not_found");
    }
    ObjectNode out = ok();
    out.set("user", ws.userJson(u));
    return out;
  }

  private ObjectNode list(WebApi.Call call) {
    ObjectNode out = ok();
    ArrayNode members = out.putArray("members");
    ws.users.values().forEach(u -> members.add(ws.userJson(u)));
    out.put("cache_ts", ws.now());
    out.putObject("response_metadata").put("next_cursor", "");
    return out;
  }

  private ObjectNode ok() {
    ObjectNode o = ws.json.createObjectNode();
    o.put("ok", true);
    return o;
  }
}
