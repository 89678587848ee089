package io.warroom.fakeslack;

import com.fasterxml.jackson.databind.JsonNode;
import io.warroom.fakeslack.Model.View;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/**
 * Sends the app what Slack sends: signed slash commands, button presses and modal submissions,
 * exactly as form-encoded bodies at {@code /slack/events}; and it applies the app's answers
 * (ephemeral replies, modal errors) and its {@code response_url} posts to the workspace.
 *
 * <p>This class signs and sends; the bodies are built by {@link Payloads} and the answers applied
 * by {@link AppAnswers}.
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

  private final RequestSigner signer;
  private final HttpClient http;
  private final Workspace ws;
  private final AppAnswers answers;
  private final Payloads payloads;
  private volatile URI appUrl;

  AppLink(Workspace ws, RequestSigner signer, HttpClient http) {
    this.ws = ws;
    this.signer = signer;
    this.http = http;
    this.answers = new AppAnswers(ws);
    this.payloads = new Payloads(ws, answers);
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
    answers.keepEphemeral(userId, channelId, reply);
    return reply;
  }

  /** The form body Slack sends for {@code /incident <text>}, with a fresh trigger. */
  public String commandBody(String userId, String channelId, String text) {
    return payloads.commandBody(userId, channelId, text);
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
    return payloads.clickBody(userId, channelId, messageTs, actionId, selected);
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
    return payloads.homeClickBody(userId, actionId);
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
    return payloads.messageShortcutBody(userId, channelId, messageTs, callbackId);
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
    return payloads.globalShortcutBody(userId, callbackId);
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
    String body;
    View view;
    synchronized (ws) {
      view = ws.views.get(viewId);
      if (view == null || !view.open) {
        throw new IllegalArgumentException("no open view " + viewId);
      }
      body = payloads.submissionBody(userId, view, values);
    }
    long sent = System.nanoTime();
    Reply reply = post(body, "application/x-www-form-urlencoded", Map.of());
    if (System.nanoTime() - sent > ACK_WITHIN.toNanos()) {
      // Slack has given up on the answer: the modal stays open as it was, and says it failed.
      return reply;
    }
    synchronized (ws) {
      answers.applyViewAnswer(view, reply);
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
    answers.onResponse(id, body);
  }

  /** A fresh trigger id for {@code userId}, as Slack puts in interaction payloads. */
  String trigger(String userId) {
    return payloads.trigger(userId);
  }
}
