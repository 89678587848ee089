package io.warroom.fakeslack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.warroom.fakeslack.Model.Channel;
import io.warroom.fakeslack.Model.Ephemeral;
import io.warroom.fakeslack.Model.Message;
import io.warroom.fakeslack.Model.Trigger;
import io.warroom.fakeslack.Model.User;
import io.warroom.fakeslack.Model.View;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Sends the app what Slack sends: signed slash commands, button presses and modal submissions,
 * exactly as form-encoded bodies at {@code /slack/events}; and it applies the app's answers
 * (ephemeral replies, modal errors) and its {@code response_url} posts to the workspace.
 */
public final class AppLink {

  /** The app's HTTP answer to one request. */
  public record Reply(int status, String body) {

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON =
        new com.fasterxml.jackson.databind.ObjectMapper();

    /** The {@code text} of a JSON answer (what the user sees), or the raw body. */
    public String text() {
      if (body == null || !body.startsWith("{")) {
        return body == null ? "" : body;
      }
      try {
        return JSON.readTree(body).path("text").asText("");
      } catch (IOException e) {
        return body;
      }
    }
  }

  private final Workspace ws;
  private final RequestSigner signer;
  private final HttpClient http;
  private final Map<String, String[]> responseTargets = new ConcurrentHashMap<>();
  private volatile URI appUrl;

  AppLink(Workspace ws, RequestSigner signer, HttpClient http) {
    this.ws = ws;
    this.signer = signer;
    this.http = http;
  }

  /** Where the app takes Slack's requests, e.g. {@code http://127.0.0.1:8080/slack/events}. */
  public void connect(URI appUrl) {
    this.appUrl = appUrl;
  }

  URI appUrl() {
    return appUrl;
  }

  /** A user types the app's command ({@code /incident <text>}) in a channel. */
  public Reply command(String userId, String channelId, String text) {
    Reply reply =
        post(commandBody(userId, channelId, text), "application/x-www-form-urlencoded", Map.of());
    keepEphemeral(userId, channelId, reply);
    return reply;
  }

  /** The form body Slack sends for {@code /incident <text>}, with a fresh trigger. */
  public String commandBody(String userId, String channelId, String text) {
    User user;
    Channel channel;
    String escaped;
    synchronized (ws) {
      user = ws.users.get(userId);
      channel = ws.channel(channelId);
      escaped = CommandText.escape(ws, text);
    }
    String trigger = trigger(userId);
    String response = responseUrl(userId, channelId, null);
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

  /** A user presses a button (or picks an option of a select) on a message. */
  public Reply click(
      String userId, String channelId, String messageTs, String actionId, String selected) {
    return post(
        clickBody(userId, channelId, messageTs, actionId, selected),
        "application/x-www-form-urlencoded",
        Map.of());
  }

  /** The form body Slack sends when a user presses a button on a message, with a fresh trigger. */
  public String clickBody(
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
      payload.put("response_url", responseUrl(userId, channelId, messageTs));
      payload.putArray("actions").add(action(message.blocks, actionId, selected));
    }
    return form("payload", payload.toString());
  }

  /** A user presses a button on the Home tab Warroom published for them. */
  public Reply clickHome(String userId, String actionId) {
    return post(homeClickBody(userId, actionId), "application/x-www-form-urlencoded", Map.of());
  }

  /**
   * The form body Slack sends when a user presses a button on their Home tab, with a fresh trigger:
   * the view is the container, and there is no response URL.
   */
  public String homeClickBody(String userId, String actionId) {
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
      payload.putArray("actions").add(action(home.view.path("blocks"), actionId, null));
    }
    return form("payload", payload.toString());
  }

  /**
   * A user picks a message shortcut from a message's "More actions" menu: Slack's {@code
   * message_action} payload, with the message as Slack shows it, a fresh trigger and a response
   * URL. Slack sends it whether or not the app is in the channel.
   */
  public Reply messageShortcut(
      String userId, String channelId, String messageTs, String callbackId) {
    return post(
        messageShortcutBody(userId, channelId, messageTs, callbackId),
        "application/x-www-form-urlencoded",
        Map.of());
  }

  /** The form body of {@link #messageShortcut}, with a fresh trigger. */
  public String messageShortcutBody(
      String userId, String channelId, String messageTs, String callbackId) {
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
      payload.put("response_url", responseUrl(userId, channelId, messageTs));
    }
    return form("payload", payload.toString());
  }

  /**
   * A user picks a global shortcut from the shortcuts menu: Slack's {@code shortcut} payload, with
   * a fresh trigger and no channel, message or response URL.
   */
  public Reply globalShortcut(String userId, String callbackId) {
    return post(
        globalShortcutBody(userId, callbackId), "application/x-www-form-urlencoded", Map.of());
  }

  /** The form body of {@link #globalShortcut}, with a fresh trigger. */
  public String globalShortcutBody(String userId, String callbackId) {
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

  /** Slack waits this long for the answer to a submission, then ignores it (FACTS.md). */
  static final Duration ACK_WITHIN = Duration.ofSeconds(3);

  /**
   * A user submits a modal. An answer after {@link #ACK_WITHIN} is ignored, as Slack does: the
   * modal stays open, and the user may submit it again. {@code values} maps each input's {@code
   * action_id} to what was entered: text, the chosen option's value, a user id, or comma-separated
   * checkbox values.
   */
  public Reply submit(String userId, String viewId, Map<String, String> values) {
    ObjectNode payload;
    View view;
    synchronized (ws) {
      view = ws.views.get(viewId);
      if (view == null || !view.open) {
        throw new IllegalArgumentException("no open view " + viewId);
      }
      payload = base("view_submission", userId);
      payload.put("trigger_id", trigger(userId));
      ObjectNode v = ViewsMethods.viewJson(ws, view);
      v.putObject("state").set("values", ViewState.values(ws, view.view, values));
      payload.set("view", v);
      payload.putArray("response_urls");
    }
    long sent = System.nanoTime();
    Reply reply =
        post(form("payload", payload.toString()), "application/x-www-form-urlencoded", Map.of());
    if (System.nanoTime() - sent > ACK_WITHIN.toNanos()) {
      // Slack has given up on the answer: the modal stays open as it was, and says it failed.
      return reply;
    }
    synchronized (ws) {
      applyViewAnswer(view, reply);
      ws.changed("view");
    }
    return reply;
  }

  /**
   * A request as Slack sends it to {@code target}: the body, signed now with the app's signing
   * secret. For callers that send it themselves, such as the benchmarks.
   */
  public HttpRequest.Builder signed(URI target, String body, String contentType) {
    String ts = String.valueOf(System.currentTimeMillis() / 1000);
    return HttpRequest.newBuilder(target)
        .timeout(Duration.ofSeconds(10))
        .header("Content-Type", contentType)
        .header("X-Slack-Request-Timestamp", ts)
        .header("X-Slack-Signature", signer.sign(ts, body))
        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
  }

  /** Sends a raw body, signed, with extra headers; for Events API callbacks and tests. */
  public Reply post(String body, String contentType, Map<String, String> headers) {
    URI appUrl = this.appUrl;
    if (appUrl == null) {
      return new Reply(0, "no app connected");
    }
    HttpRequest.Builder request = signed(appUrl, body, contentType);
    headers.forEach(request::header);
    try {
      HttpResponse<String> response =
          http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      return new Reply(response.statusCode(), response.body());
    } catch (IOException e) {
      return new Reply(0, e.toString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Reply(0, "interrupted");
    }
  }

  /** The app posted to a response URL. */
  void onResponse(String id, JsonNode body) {
    String[] target = responseTargets.get(id);
    if (target == null) {
      return;
    }
    String user = target[0];
    String channelId = target[1];
    synchronized (ws) {
      Channel channel = ws.channels.get(channelId);
      if (channel == null) {
        return;
      }
      if ("in_channel".equals(body.path("response_type").asText())) {
        Message m =
            new Message(
                ws.newTs(),
                channelId,
                ws.bot.id(),
                ws.bot.botId(),
                body.path("text").asText(""),
                body.has("blocks") ? body.get("blocks") : null,
                null,
                null);
        channel.messages.add(m);
      } else {
        ws.ephemerals.add(
            new Ephemeral(
                channelId,
                user,
                body.path("text").asText(""),
                body.has("blocks") ? body.get("blocks") : null,
                System.currentTimeMillis()));
      }
      ws.changed("ephemeral");
    }
  }

  private void keepEphemeral(String userId, String channelId, Reply reply) {
    if (reply.status() != 200 || reply.body() == null || reply.body().isBlank()) {
      return;
    }
    JsonNode body = ws.parse(reply.body());
    synchronized (ws) {
      if (body != null && body.isObject()) {
        if ("in_channel".equals(body.path("response_type").asText())) {
          return;
        }
        ws.ephemerals.add(
            new Ephemeral(
                channelId,
                userId,
                body.path("text").asText(""),
                body.has("blocks") ? body.get("blocks") : null,
                System.currentTimeMillis()));
      } else {
        ws.ephemerals.add(
            new Ephemeral(channelId, userId, reply.body(), null, System.currentTimeMillis()));
      }
      ws.changed("ephemeral");
    }
  }

  private void applyViewAnswer(View view, Reply reply) {
    if (reply.status() != 200) {
      return;
    }
    JsonNode body = reply.body() == null || reply.body().isBlank() ? null : ws.parse(reply.body());
    String action = body == null ? "" : body.path("response_action").asText("");
    switch (action) {
      case "errors" -> view.errors = body.get("errors");
      case "update" -> {
        view.view = body.get("view");
        view.errors = null;
      }
      default -> view.open = false;
    }
  }

  private ObjectNode action(JsonNode blocks, String actionId, String selected) {
    ObjectNode action = ws.json.createObjectNode();
    action.put("action_id", actionId);
    Optional<JsonNode[]> found =
        findElement(blocks, actionId, selected).or(() -> findElement(blocks, actionId, null));
    JsonNode block = found.map(f -> f[0]).orElse(null);
    JsonNode element = found.map(f -> f[1]).orElse(null);
    action.put("block_id", block == null ? "" : block.path("block_id").asText(""));
    String type = element == null ? "button" : element.path("type").asText("button");
    if (type.equals("button")) {
      if (element != null) {
        action.set("text", element.get("text"));
        action.put("value", element.path("value").asText(""));
        if (element.has("style")) {
          action.put("style", element.path("style").asText());
        }
      }
    } else {
      JsonNode option = null;
      if (element != null) {
        for (JsonNode o : element.path("options")) {
          if (o.path("value").asText().equals(selected)) {
            option = o;
          }
        }
      }
      ObjectNode chosen = action.putObject("selected_option");
      chosen.set("text", option == null ? ws.json.createObjectNode() : option.get("text"));
      chosen.put("value", selected);
    }
    action.put("type", type);
    action.put("action_ts", ws.newTs());
    return action;
  }

  /**
   * The control with this action id; with a value, the one with that value, since one message may
   * hold a row of the same buttons for each of several items (action ids are unique per block).
   */
  private static Optional<JsonNode[]> findElement(JsonNode blocks, String actionId, String value) {
    if (blocks == null) {
      return Optional.empty();
    }
    for (JsonNode block : blocks) {
      JsonNode accessory = block.get("accessory");
      if (accessory != null && matches(accessory, actionId, value)) {
        return Optional.of(new JsonNode[] {block, accessory});
      }
      for (JsonNode element : block.path("elements")) {
        if (matches(element, actionId, value)) {
          return Optional.of(new JsonNode[] {block, element});
        }
      }
    }
    return Optional.empty();
  }

  private static boolean matches(JsonNode element, String actionId, String value) {
    return actionId.equals(element.path("action_id").asText())
        && (value == null || value.equals(element.path("value").asText(null)));
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

  private String responseUrl(String userId, String channelId, String messageTs) {
    String id = ws.newId('R');
    responseTargets.put(id, new String[] {userId, channelId, messageTs});
    return ws.baseUrl + "response/" + id;
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

  static ArrayNode array(Workspace ws) {
    return ws.json.createArrayNode();
  }
}
