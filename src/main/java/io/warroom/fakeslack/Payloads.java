package io.warroom.fakeslack;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.warroom.fakeslack.Model.Channel;
import io.warroom.fakeslack.Model.Message;
import io.warroom.fakeslack.Model.Trigger;
import io.warroom.fakeslack.Model.User;
import io.warroom.fakeslack.Model.View;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The bodies Slack sends the app for what users do, built from the workspace as it is now: the
 * slash command's form, and the {@code payload} of button presses, shortcuts and modal submissions,
 * each with a fresh trigger and, where Slack gives one, a response URL.
 */
final class Payloads {

  private final Workspace ws;
  private final AppAnswers answers;

  Payloads(Workspace ws, AppAnswers answers) {
    this.ws = ws;
    this.answers = answers;
  }

  String commandBody(String userId, String channelId, String text) {
    User user;
    Channel channel;
    String escaped;
    synchronized (ws) {
      user = ws.users.get(userId);
      channel = ws.channel(channelId);
      escaped = CommandText.escape(ws, text);
    }
    String trigger = trigger(userId);
    String response = answers.responseUrl(userId, channelId, null);
    String body =
        form(
            "token",
            "sandbox-verification-token",
            "team_id",
            Workspace.TEAM_ID,
            "team_domain",
            Workspace.TEAM_DOMAIN,
            "channel_id",
            channel.id,
            "channel_name",
            channel.isPrivate ? "privategroup" : channel.name,
            "user_id",
            user.id(),
            "user_name",
            user.name(),
            "command",
            AppManifest.COMMAND,
            "text",
            escaped,
            "api_app_id",
            Workspace.APP_ID,
            "is_enterprise_install",
            "false",
            "response_url",
            response,
            "trigger_id",
            trigger);
    return body;
  }

  /** The form body Slack sends when a user presses a button on a message, with a fresh trigger. */
  String clickBody(
      String userId, String channelId, String messageTs, String actionId, String selected) {
    ObjectNode payload;
    synchronized (ws) {
      Channel channel = ws.channel(channelId);
      Message message =
          ws.message(channel, messageTs)
              .orElseThrow(() -> new IllegalArgumentException("no message " + messageTs));
      payload = base("block_actions", userId);
      ObjectNode container = payload.putObject("container");
      container.put("type", "message");
      container.put("message_ts", message.ts);
      container.put("channel_id", channel.id);
      container.put("is_ephemeral", false);
      payload.put("trigger_id", trigger(userId));
      ObjectNode ch = payload.putObject("channel");
      ch.put("id", channel.id);
      ch.put("name", channel.name);
      payload.set("message", ws.messageJson(message));
      payload.putObject("state").putObject("values");
      payload.put("response_url", answers.responseUrl(userId, channelId, messageTs));
      payload
          .putArray("actions")
          .add(PressedControl.action(ws, message.blocks, actionId, selected));
    }
    return form("payload", payload.toString());
  }

  /**
   * The form body Slack sends when a user presses a button on their Home tab, with a fresh trigger:
   * the view is the container, and there is no response URL.
   */
  String homeClickBody(String userId, String actionId) {
    ObjectNode payload;
    synchronized (ws) {
      View home = ws.homes.get(userId);
      if (home == null) {
        throw new IllegalArgumentException("no Home tab published for " + userId);
      }
      payload = base("block_actions", userId);
      ObjectNode container = payload.putObject("container");
      container.put("type", "view");
      container.put("view_id", home.id);
      payload.put("trigger_id", trigger(userId));
      payload.set("view", ViewsMethods.viewJson(ws, home));
      payload
          .putArray("actions")
          .add(PressedControl.action(ws, home.view.path("blocks"), actionId, null));
    }
    return form("payload", payload.toString());
  }

  /** The form body of {@link AppLink#messageShortcut}, with a fresh trigger. */
  String messageShortcutBody(String userId, String channelId, String messageTs, String callbackId) {
    ObjectNode payload;
    synchronized (ws) {
      Channel channel = ws.channel(channelId);
      Message message =
          ws.message(channel, messageTs)
              .orElseThrow(() -> new IllegalArgumentException("no message " + messageTs));
      payload = base("message_action", userId);
      payload.put("action_ts", actionTs());
      ObjectNode ch = payload.putObject("channel");
      ch.put("id", channel.id);
      // Slack names a private channel "privategroup" in these payloads.
      ch.put("name", channel.isPrivate ? "privategroup" : channel.name);
      payload.put("callback_id", callbackId);
      payload.put("trigger_id", trigger(userId));
      payload.put("message_ts", message.ts);
      payload.set("message", ws.messageJson(message));
      payload.put("response_url", answers.responseUrl(userId, channelId, messageTs));
    }
    return form("payload", payload.toString());
  }

  /** The form body of {@link AppLink#globalShortcut}, with a fresh trigger. */
  String globalShortcutBody(String userId, String callbackId) {
    ObjectNode payload;
    synchronized (ws) {
      payload = base("shortcut", userId);
      payload.put("action_ts", actionTs());
      payload.put("callback_id", callbackId);
      payload.put("trigger_id", trigger(userId));
    }
    return form("payload", payload.toString());
  }

  private static String actionTs() {
    long micros = System.currentTimeMillis() * 1000;
    return micros / 1_000_000 + "." + String.format("%06d", micros % 1_000_000);
  }

  /** The form body of a modal submission, with what was entered in the view's state. */
  String submissionBody(String userId, View view, Map<String, String> values) {
    ObjectNode payload = base("view_submission", userId);
    payload.put("trigger_id", trigger(userId));
    ObjectNode v = ViewsMethods.viewJson(ws, view);
    v.putObject("state").set("values", ViewState.values(ws, view.view, values));
    payload.set("view", v);
    payload.putArray("response_urls");
    return form("payload", payload.toString());
  }

  private ObjectNode base(String type, String userId) {
    User user = ws.users.get(userId);
    ObjectNode payload = ws.json.createObjectNode();
    payload.put("type", type);
    ObjectNode team = payload.putObject("team");
    team.put("id", Workspace.TEAM_ID);
    team.put("domain", Workspace.TEAM_DOMAIN);
    ObjectNode u = payload.putObject("user");
    u.put("id", user.id());
    u.put("username", user.name());
    u.put("name", user.name());
    u.put("team_id", Workspace.TEAM_ID);
    payload.put("api_app_id", Workspace.APP_ID);
    payload.put("token", "sandbox-verification-token");
    payload.put("is_enterprise_install", false);
    payload.putNull("enterprise");
    return payload;
  }

  String trigger(String userId) {
    String id =
        System.currentTimeMillis() / 1000
            + "."
            + Math.abs(ws.newId('x').hashCode())
            + "."
            + Long.toHexString(System.nanoTime());
    synchronized (ws) {
      ws.triggers.put(id, new Trigger(id, userId, System.currentTimeMillis()));
    }
    return id;
  }

  static String form(String... pairs) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < pairs.length; i += 2) {
      if (out.length() > 0) {
        out.append('&');
      }
      out.append(URLEncoder.encode(pairs[i], StandardCharsets.UTF_8))
          .append('=')
          .append(URLEncoder.encode(pairs[i + 1], StandardCharsets.UTF_8));
    }
    return out.toString();
  }
}
