package io.warroom.fakeslack;

import com.fasterxml.jackson.databind.JsonNode;
import io.warroom.fakeslack.Model.Channel;
import io.warroom.fakeslack.Model.Ephemeral;
import io.warroom.fakeslack.Model.Message;
import io.warroom.fakeslack.Model.View;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the app answers, applied to the workspace as Slack would: a command's reply becomes an
 * ephemeral message (or nothing, when it is {@code in_channel}), a {@code response_url} post a
 * message or an ephemeral, and a submission's {@code response_action} the modal's errors, its new
 * view, or its closing.
 */
final class AppAnswers {

  private final Workspace ws;
  private final Map<String, String[]> responseTargets = new ConcurrentHashMap<>();

  AppAnswers(Workspace ws) {
    this.ws = ws;
  }

  /** A fresh response URL that posts for {@code userId} in {@code channelId}. */
  String responseUrl(String userId, String channelId, String messageTs) {
    String id = ws.newId('R');
    responseTargets.put(id, new String[] {userId, channelId, messageTs});
    return ws.baseUrl + "response/" + id;
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

  void keepEphemeral(String userId, String channelId, AppLink.Reply reply) {
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

  void applyViewAnswer(View view, AppLink.Reply reply) {
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
}
