package io.warroom.fakeslack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The workspace's HTTP face: the Web API under {@code /api/<method>}, upload URLs under {@code
 * /upload/<file>}, and response URLs under {@code /response/<id>}. Tokens are checked and injected
 * failures applied as the request comes in.
 */
final class SlackServer implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(SlackServer.class);
  private static final String NO_DELAY = "sun.net.httpserver.nodelay";

  /** The exchange attribute holding how long the answer takes on its way back, in ms. */
  private static final String WAY_BACK = "warroom.way-back";

  private final Workspace ws;
  private final WebApi api;
  private final FilesMethods files;
  private volatile Failure.Plan failures = Failure.Plan.NONE;
  private final RateLimits limits;
  private volatile Duration[] latency = {Duration.ZERO, Duration.ZERO};
  private final BiConsumer<String, JsonNode> responseUrls;
  private final List<ApiCall> calls = new CopyOnWriteArrayList<>();
  private final HttpServer server;
  private final ExecutorService threads;

  SlackServer(
      Workspace ws,
      WebApi api,
      FilesMethods files,
      RateLimits limits,
      BiConsumer<String, JsonNode> responseUrls,
      int port)
      throws IOException {
    this.limits = limits;
    this.ws = ws;
    this.api = api;
    this.files = files;
    this.responseUrls = responseUrls;
    // The JDK server leaves Nagle's algorithm on unless told otherwise, and then every answer
    // waits about 40 ms for a delayed ACK; Slack answers as fast as its network allows. The
    // property is read once, when the first JDK HttpServer starts.
    if (System.getProperty(NO_DELAY) == null) {
      System.setProperty(NO_DELAY, "true");
    }
    this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 64);
    this.threads =
        Executors.newCachedThreadPool(
            r -> {
              Thread t = new Thread(r, "fake-slack");
              t.setDaemon(true);
              return t;
            });
    server.setExecutor(threads);
    server.createContext("/api/", this::api);
    server.createContext("/upload/", this::upload);
    server.createContext("/response/", this::response);
    server.start();
    ws.baseUrl = "http://127.0.0.1:" + server.getAddress().getPort() + "/";
  }

  int port() {
    return server.getAddress().getPort();
  }

  List<ApiCall> calls() {
    return calls;
  }

  /** Every Web API answer takes between {@code min} and {@code max}, uniformly. */
  void latency(Duration min, Duration max) {
    latency = new Duration[] {min, max};
  }

  /** Sleeps part of the answer time: half before the work, half after, as a network would. */
  private long travel(long total) {
    return total / 2;
  }

  /** Makes calls fail as the plan says (tests' fault injection). */
  void failures(Failure.Plan plan) {
    this.failures = plan;
  }

  private long latencyMillis() {
    Duration[] l = latency;
    long min = l[0].toMillis();
    long max = l[1].toMillis();
    return max <= min ? min : ThreadLocalRandom.current().nextLong(min, max + 1);
  }

  private void api(HttpExchange ex) throws IOException {
    long answerTime = latencyMillis();
    sleep(travel(answerTime));
    ex.setAttribute(WAY_BACK, answerTime - travel(answerTime));
    apiCall(ex);
  }

  private void apiCall(HttpExchange ex) throws IOException {
    long arrived = System.currentTimeMillis();
    ApiRequest request = ApiRequest.read(ex, ws);
    String method = request.method();
    Map<String, String> params = request.params();
    Failure fault = failures.next(method, params.get("channel"));
    if (fault != null) {
      switch (fault.kind()) {
        case SERVER_ERROR -> {
          answer(ex, arrived, method, params, 500, null);
          return;
        }
        case RATE_LIMITED -> {
          ex.getResponseHeaders().add("Retry-After", String.valueOf(fault.duration().toSeconds()));
          answer(ex, arrived, method, params, 429, WebApi.error(ws, "ratelimited"));
          return;
        }
        case TIMEOUT -> {
          sleep(fault.duration().toMillis());
          calls.add(new ApiCall(method, params, "timeout", 0, arrived));
          ex.close();
          return;
        }
        case NOT_JSON -> {
          answer(ex, arrived, method, params, 200, null);
          return;
        }
        case ERROR -> {
          String[] parts = fault.error().split(":", 2);
          ObjectNode error = (ObjectNode) WebApi.error(ws, parts[0]);
          if (parts.length > 1) {
            error.put("needed", parts[1]);
            error.put("provided", "commands,chat:write");
          }
          answer(ex, arrived, method, params, 200, error);
          return;
        }
        case SLOW -> sleep(fault.duration().toMillis());
        default -> {}
      }
    }
    // Checked after the faults above: a Slack that is down or slow is so whatever the token.
    String token = request.token();
    if (token == null && !WebApi.NO_TOKEN.contains(method)) {
      answer(ex, arrived, method, params, 200, WebApi.error(ws, "not_authed"));
      return;
    }
    String expected = method.equals("apps.connections.open") ? ws.appToken : ws.botToken;
    if (token != null && !token.equals(expected) && !WebApi.NO_TOKEN.contains(method)) {
      answer(ex, arrived, method, params, 200, WebApi.error(ws, "invalid_auth"));
      return;
    }
    Optional<Duration> wait = limits.admit(method, params.get("channel"), System.nanoTime());
    if (wait.isPresent()) {
      long seconds = Math.max(1, (wait.get().toMillis() + 999) / 1000);
      ex.getResponseHeaders().add("Retry-After", String.valueOf(seconds));
      answer(ex, arrived, method, params, 429, WebApi.error(ws, "ratelimited"));
      return;
    }
    JsonNode body = call(method, params);
    if (fault != null && fault.kind() == Failure.Kind.SERVER_ERROR_AFTER) {
      answer(ex, arrived, method, params, 500, null);
      return;
    }
    if (fault != null && fault.kind() == Failure.Kind.LATE) {
      sleep(fault.duration().toMillis());
    }
    if (fault != null && fault.kind() == Failure.Kind.TIMEOUT_AFTER) {
      sleep(fault.duration().toMillis());
      calls.add(new ApiCall(method, params, "timeout-after", 0, arrived));
      ex.close();
      return;
    }
    answer(ex, arrived, method, params, 200, body);
  }

  private JsonNode call(String method, Map<String, String> params) {
    try {
      return api.handle(new WebApi.Call(method, params, ws.bot.id()));
    } catch (ChatMethods.InvalidBlocks e) {
      ObjectNode error = (ObjectNode) WebApi.error(ws, e.error());
      e.describe(error);
      return error;
    } catch (ViewsMethods.InvalidArguments e) {
      ObjectNode error = (ObjectNode) WebApi.error(ws, e.error());
      e.describe(error);
      return error;
    } catch (SlackError e) {
      return WebApi.error(ws, e.error());
    } catch (RuntimeException e) {
      LOG.warn("Fake Slack failed on {}", method, e);
      return WebApi.error(ws, "internal_error");
    }
  }

  private void upload(HttpExchange ex) throws IOException {
    String fileId = ex.getRequestURI().getPath().substring("/upload/".length());
    byte[] bytes = ex.getRequestBody().readAllBytes();
    String type = ex.getRequestHeaders().getFirst("Content-Type");
    if (type != null && type.startsWith("multipart/form-data")) {
      bytes = Multipart.firstPart(bytes, type);
    }
    boolean ok = files.receive(fileId, bytes);
    byte[] reply =
        (ok ? "OK - " + bytes.length : "file not found").getBytes(StandardCharsets.UTF_8);
    ex.sendResponseHeaders(ok ? 200 : 404, reply.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(reply);
    }
  }

  private void response(HttpExchange ex) throws IOException {
    String id = ex.getRequestURI().getPath().substring("/response/".length());
    JsonNode body =
        ws.parse(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
    if (body != null) {
      responseUrls.accept(id, body);
    }
    byte[] reply = "{\"ok\":true}".getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().add("Content-Type", "application/json");
    ex.sendResponseHeaders(200, reply.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(reply);
    }
  }

  private void answer(
      HttpExchange ex,
      long arrived,
      String method,
      Map<String, String> params,
      int status,
      JsonNode body)
      throws IOException {
    String error = "";
    if (body != null && !body.path("ok").asBoolean()) {
      error = body.path("error").asText();
    } else if (status != 200) {
      error = "http_" + status;
    } else if (body == null) {
      error = "not_json";
    }
    calls.add(new ApiCall(method, params, error, status, arrived));
    if (ex.getAttribute(WAY_BACK) instanceof Long back) {
      sleep(back);
    }
    byte[] bytes =
        body == null
            ? ("<html><body>"
                    + (status == 200 ? "Bad Gateway" : "Internal Server Error")
                    + "</body></html>")
                .getBytes(StandardCharsets.UTF_8)
            : ws.json.writeValueAsBytes(body);
    ex.getResponseHeaders()
        .add("Content-Type", body == null ? "text/html" : "application/json; charset=utf-8");
    ex.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(bytes);
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    server.stop(0);
    threads.shutdownNow();
  }
}
