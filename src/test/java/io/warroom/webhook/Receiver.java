package io.warroom.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.cloudevents.CloudEvent;
import io.cloudevents.jackson.JsonFormat;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A webhook consumer as Standard Webhooks describes one: a real HTTP server that verifies every
 * request's signature (HMAC-SHA256 over {@code webhook-id.webhook-timestamp.body} with the secret
 * decoded from {@code whsec_…}, compared in constant time against each {@code v1,} signature of the
 * header), refuses a timestamp more than 5 minutes off, reads the body as a CloudEvent with the
 * CloudEvents SDK, and records what it accepted. It answers {@link #answer} (200 by default).
 */
final class Receiver implements AutoCloseable {

  /** One accepted request. */
  record Got(String webhookId, CloudEvent event, JsonNode json) {
    String type() {
      return event.getType();
    }

    long incident() {
      return Long.parseLong(event.getSubject());
    }
  }

  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpServer server;
  private final byte[] key;
  private final List<Got> accepted = new ArrayList<>();
  private final List<String> problems = new ArrayList<>();
  private final AtomicInteger requests = new AtomicInteger();

  /** What the receiver answers to a request whose signature holds. */
  volatile int answer = 200;

  /** How long the receiver takes before it answers. */
  volatile long delayMillis;

  Receiver(String secret) throws IOException {
    this.key = Base64.getDecoder().decode(secret.substring("whsec_".length()));
    this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/hook", this::handle);
    server.setExecutor(Executors.newFixedThreadPool(4));
    server.start();
  }

  URI url() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/hook?token=t0p");
  }

  private void handle(HttpExchange exchange) throws IOException {
    requests.incrementAndGet();
    if (delayMillis > 0) {
      try {
        Thread.sleep(delayMillis); // a slow consumer, on purpose
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    byte[] raw = exchange.getRequestBody().readAllBytes();
    String body = new String(raw, StandardCharsets.UTF_8);
    String id = exchange.getRequestHeaders().getFirst("webhook-id");
    String ts = exchange.getRequestHeaders().getFirst("webhook-timestamp");
    String sigs = exchange.getRequestHeaders().getFirst("webhook-signature");
    String type = exchange.getRequestHeaders().getFirst("Content-Type");
    int status;
    String problem = verify(id, ts, sigs, body);
    if (problem == null && (type == null || !type.startsWith("application/cloudevents+json"))) {
      problem = "content type " + type;
    }
    if (problem != null) {
      synchronized (this) {
        problems.add(problem);
      }
      status = 401;
    } else {
      status = answer;
      if (status >= 200 && status < 300) {
        CloudEvent event = new JsonFormat().deserialize(raw);
        synchronized (this) {
          accepted.add(new Got(id, event, JSON.readTree(raw)));
        }
      }
    }
    exchange.sendResponseHeaders(status, -1);
    exchange.close();
  }

  /** Null when the request is signed with the secret and recent; else what is wrong. */
  String verify(String id, String timestamp, String signatures, String body) {
    if (id == null || timestamp == null || signatures == null) {
      return "missing webhook headers";
    }
    long ts;
    try {
      ts = Long.parseLong(timestamp);
    } catch (NumberFormatException e) {
      return "bad timestamp";
    }
    if (Math.abs(Instant.now().getEpochSecond() - ts) > 300) {
      return "timestamp out of tolerance";
    }
    byte[] expected;
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      expected = mac.doFinal((id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    for (String signature : signatures.split(" ")) {
      if (signature.startsWith("v1,")) {
        byte[] given;
        try {
          given = Base64.getDecoder().decode(signature.substring(3));
        } catch (IllegalArgumentException e) {
          continue;
        }
        if (MessageDigest.isEqual(expected, given)) {
          return null;
        }
      }
    }
    return "no signature matches";
  }

  synchronized List<Got> accepted() {
    return List.copyOf(accepted);
  }

  synchronized List<String> problems() {
    return List.copyOf(problems);
  }

  int requests() {
    return requests.get();
  }

  /** The accepted events of one incident, in arrival order. */
  synchronized List<String> types(long incident) {
    return accepted.stream().filter(g -> g.incident() == incident).map(Got::type).toList();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
