package io.warroom.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.context.BeanProvider;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.warroom.config.DaemonThreads;
import io.warroom.fakeslack.WorkspacePage;
import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The sandbox page at {@code /sandbox}: its static files, the workspace state it polls, and what
 * its people do. Mounted only when the sandbox runs.
 */
@Controller("/sandbox")
@Requires(beans = Sandbox.class)
class SandboxController {

  /** How long a state request waits for a change before answering anyway. */
  static final long LONG_POLL_MILLIS = 20_000;

  /**
   * How many state requests may wait at once. A page keeps one; a few more allow several tabs. More
   * get 429 at once: the sandbox has no login, and a waiter must not be free to pile up.
   */
  static final int MAX_WAITING = 8;

  private static final Map<String, MediaType> ASSETS =
      Map.of(
          "index.html", MediaType.TEXT_HTML_TYPE,
          "sandbox.js", MediaType.of("text/javascript"),
          "sandbox.css", MediaType.of("text/css"));

  private final WorkspacePage page;
  private final Map<String, byte[]> assets = new ConcurrentHashMap<>();
  private final AtomicInteger waiters = new AtomicInteger();

  /** Draws the page's state for long polls, off the threads that answer Slack. */
  private final ExecutorService renderer =
      Executors.newFixedThreadPool(2, DaemonThreads.named("sandbox-page-"));

  private final SampleAlertSender alerts;

  SandboxController(Sandbox sandbox, BeanProvider<EmbeddedServer> server) {
    this.page =
        new WorkspacePage(
            sandbox.slack(),
            sandbox.people(),
            sandbox.generalChannel(),
            sandbox.incidentsChannel());
    this.alerts = new SampleAlertSender(sandbox::integrationToken, () -> server.get().getPort());
  }

  /** The page's "Fire a sample alert" ({@link SampleAlertSender}). */
  @ExecuteOn(TaskExecutors.BLOCKING)
  @Post(uri = "/api/alert", consumes = MediaType.APPLICATION_JSON)
  HttpResponse<String> alert(@Body String body) {
    JsonNode b;
    try {
      b = page.parse(body);
    } catch (WorkspacePage.Refused e) {
      return PageAnswers.failed(HttpStatus.BAD_REQUEST, e.getMessage());
    }
    String severity = "warning".equals(text(b, "severity")) ? "warning" : "critical";
    boolean firing = !"resolved".equals(text(b, "state"));
    return alerts.send(severity, firing);
  }

  @ExecuteOn(TaskExecutors.BLOCKING)
  @Get(produces = MediaType.TEXT_HTML)
  HttpResponse<byte[]> index() {
    return asset("index.html");
  }

  @ExecuteOn(TaskExecutors.BLOCKING)
  @Get("/assets/{name}")
  HttpResponse<byte[]> asset(String name) {
    MediaType type = ASSETS.get(name);
    if (type == null) {
      return HttpResponse.notFound();
    }
    byte[] bytes = assets.computeIfAbsent(name, SandboxController::read);
    return HttpResponse.ok(bytes).contentType(type).header("Cache-Control", "no-cache");
  }

  /**
   * The workspace as {@code as} sees it. With {@code since}, answers once something changed after
   * that version (or {@link #LONG_POLL_MILLIS} passed), so the page updates as soon as it can. The
   * wait holds no thread (the request threads answer Slack), and at most {@link #MAX_WAITING}
   * requests wait at once.
   */
  @Get(uri = "/api/state", produces = MediaType.APPLICATION_JSON)
  CompletableFuture<HttpResponse<String>> state(
      @QueryValue("as") Optional<String> as,
      @QueryValue("channel") Optional<String> channel,
      @QueryValue("thread") Optional<String> thread,
      @QueryValue("since") Optional<Long> since) {
    if (since.isEmpty()) {
      return CompletableFuture.supplyAsync(() -> answer(as, channel, thread), renderer);
    }
    if (waiters.incrementAndGet() > MAX_WAITING) {
      waiters.decrementAndGet();
      return CompletableFuture.completedFuture(
          HttpResponse.<String>status(HttpStatus.TOO_MANY_REQUESTS)
              .header("Retry-After", "1")
              .body("too many pages are waiting for changes"));
    }
    CompletableFuture<Long> change = page.changeAfter(since.get());
    return change
        .completeOnTimeout(-1L, LONG_POLL_MILLIS, TimeUnit.MILLISECONDS)
        .thenApplyAsync(
            v -> {
              page.forget(change);
              waiters.decrementAndGet();
              return answer(as, channel, thread);
            },
            renderer);
  }

  /** How many state requests wait now; for tests. */
  int waiting() {
    return waiters.get();
  }

  private HttpResponse<String> answer(
      Optional<String> as, Optional<String> channel, Optional<String> thread) {
    try {
      String state =
          page.state(as.orElse(null), channel.orElse(null), thread.orElse(null)).toString();
      return HttpResponse.ok(state)
          .contentType(MediaType.APPLICATION_JSON_TYPE)
          .header("Cache-Control", "no-store");
    } catch (WorkspacePage.Refused e) {
      return PageAnswers.failed(HttpStatus.BAD_REQUEST, e.getMessage());
    }
  }

  @ExecuteOn(TaskExecutors.BLOCKING)
  @Post(uri = "/api/type", consumes = MediaType.APPLICATION_JSON)
  HttpResponse<String> type(@Body String body) {
    return act(
        body,
        b -> page.type(text(b, "as"), text(b, "channel"), text(b, "thread"), text(b, "text")));
  }

  @ExecuteOn(TaskExecutors.BLOCKING)
  @Post(uri = "/api/click", consumes = MediaType.APPLICATION_JSON)
  HttpResponse<String> click(@Body String body) {
    return act(
        body,
        b ->
            page.click(
                text(b, "as"),
                text(b, "channel"),
                text(b, "ts"),
                text(b, "action"),
                text(b, "value")));
  }

  @ExecuteOn(TaskExecutors.BLOCKING)
  @Post(uri = "/api/submit", consumes = MediaType.APPLICATION_JSON)
  HttpResponse<String> submit(@Body String body) {
    return act(
        body,
        b -> {
          Map<String, String> values = new LinkedHashMap<>();
          b.path("values")
              .fields()
              .forEachRemaining(e -> values.put(e.getKey(), e.getValue().asText()));
          page.submit(text(b, "as"), text(b, "view"), values);
        });
  }

  @ExecuteOn(TaskExecutors.BLOCKING)
  @Post(uri = "/api/close", consumes = MediaType.APPLICATION_JSON)
  HttpResponse<String> close(@Body String body) {
    return act(body, b -> page.closeModal(text(b, "as"), text(b, "view")));
  }

  @ExecuteOn(TaskExecutors.BLOCKING)
  @Post(uri = "/api/react", consumes = MediaType.APPLICATION_JSON)
  HttpResponse<String> react(@Body String body) {
    return act(
        body,
        b ->
            page.react(
                text(b, "as"),
                text(b, "channel"),
                text(b, "ts"),
                text(b, "name"),
                b.path("add").asBoolean(true)));
  }

  @ExecuteOn(TaskExecutors.BLOCKING)
  @Post(uri = "/api/edit", consumes = MediaType.APPLICATION_JSON)
  HttpResponse<String> edit(@Body String body) {
    return act(
        body, b -> page.edit(text(b, "as"), text(b, "channel"), text(b, "ts"), text(b, "text")));
  }

  @ExecuteOn(TaskExecutors.BLOCKING)
  @Post(uri = "/api/delete", consumes = MediaType.APPLICATION_JSON)
  HttpResponse<String> delete(@Body String body) {
    return act(body, b -> page.delete(text(b, "as"), text(b, "channel"), text(b, "ts")));
  }

  @ExecuteOn(TaskExecutors.BLOCKING)
  @Post(uri = "/api/join", consumes = MediaType.APPLICATION_JSON)
  HttpResponse<String> join(@Body String body) {
    return act(body, b -> page.join(text(b, "as"), text(b, "channel")));
  }

  /** An uploaded file's content as Slack would serve it, e.g. the postmortem Markdown. */
  @ExecuteOn(TaskExecutors.BLOCKING)
  @Get("/files/{id}")
  HttpResponse<String> file(String id) {
    return page.file(id)
        .map(
            f ->
                HttpResponse.ok(f.content())
                    .contentType(
                        f.name().endsWith(".md")
                            ? MediaType.of("text/markdown;charset=utf-8")
                            : MediaType.of("text/plain;charset=utf-8")))
        .orElseGet(HttpResponse::notFound);
  }

  private HttpResponse<String> act(String body, java.util.function.Consumer<JsonNode> action) {
    try {
      action.accept(page.parse(body));
      return PageAnswers.ok("{\"ok\":true}");
    } catch (WorkspacePage.Refused e) {
      return PageAnswers.failed(HttpStatus.BAD_REQUEST, e.getMessage());
    }
  }

  private static String text(JsonNode body, String field) {
    JsonNode value = body.get(field);
    return value == null || value.isNull() ? null : value.asText();
  }

  private static byte[] read(String name) {
    try (InputStream in = SandboxController.class.getResourceAsStream("/sandbox/" + name)) {
      if (in == null) {
        throw new IllegalStateException("missing resource sandbox/" + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @PreDestroy
  void stop() {
    renderer.shutdownNow();
  }
}
