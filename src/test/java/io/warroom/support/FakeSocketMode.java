package io.warroom.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.java_websocket.WebSocket;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.server.WebSocketServer;

/**
 * Slack's side of a Socket Mode connection: it says hello, sends envelopes and collects the app's
 * acknowledgements, as described in Slack's Socket Mode docs.
 */
public final class FakeSocketMode extends WebSocketServer {

  private static final ObjectMapper JSON = new ObjectMapper();
  private final CountDownLatch listening = new CountDownLatch(1);
  private final CountDownLatch connected = new CountDownLatch(1);
  private final Map<String, CompletableFuture<JsonNode>> acks = new ConcurrentHashMap<>();
  private volatile WebSocket app;

  public FakeSocketMode() {
    super(new InetSocketAddress("127.0.0.1", 0));
    setReuseAddr(true);
  }

  /** The URL to connect to, once the server listens: until then its port is still 0. */
  public String url() {
    try {
      if (!listening.await(10, TimeUnit.SECONDS)) {
        throw new IllegalStateException("the fake Socket Mode server did not start");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
    return "ws://127.0.0.1:" + getPort() + "/link/?ticket=" + UUID.randomUUID();
  }

  public boolean awaitConnected(long seconds) throws InterruptedException {
    return connected.await(seconds, TimeUnit.SECONDS);
  }

  /** Sends a slash command envelope and waits for the app's acknowledgement. */
  /** Slack sends a slash command with this form body (as the fake Slack builds it over HTTP). */
  public JsonNode slashCommand(String formBody) throws Exception {
    Map<String, String> form = new LinkedHashMap<>();
    for (String pair : formBody.split("&")) {
      String[] kv = pair.split("=", 2);
      form.put(
          URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
          URLDecoder.decode(kv.length > 1 ? kv[1] : "", StandardCharsets.UTF_8));
    }
    return slashCommand(form);
  }

  public JsonNode slashCommand(Map<String, String> form) throws Exception {
    ObjectNode envelope = JSON.createObjectNode();
    String id = UUID.randomUUID().toString();
    envelope.put("envelope_id", id);
    envelope.put("type", "slash_commands");
    envelope.put("accepts_response_payload", true);
    ObjectNode payload = envelope.putObject("payload");
    form.forEach(payload::put);
    CompletableFuture<JsonNode> ack = new CompletableFuture<>();
    acks.put(id, ack);
    app.send(envelope.toString());
    return ack.get(10, TimeUnit.SECONDS);
  }

  @Override
  public void onOpen(WebSocket conn, ClientHandshake handshake) {
    app = conn;
    conn.send(
        "{\"type\":\"hello\",\"num_connections\":1,\"debug_info\":{\"host\":\"applink-test\","
            + "\"approximate_connection_time\":18060},\"connection_info\":{\"app_id\":\"A0WARROOM1\"}}");
    connected.countDown();
  }

  @Override
  public void onMessage(WebSocket conn, String message) {
    try {
      JsonNode ack = JSON.readTree(message);
      CompletableFuture<JsonNode> waiting = acks.remove(ack.path("envelope_id").asText());
      if (waiting != null) {
        waiting.complete(ack);
      }
    } catch (Exception e) {
      // not an ack
    }
  }

  @Override
  public void onClose(WebSocket conn, int code, String reason, boolean remote) {}

  @Override
  public void onError(WebSocket conn, Exception ex) {}

  @Override
  public void onStart() {
    listening.countDown();
  }
}
