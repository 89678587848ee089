package io.warroom.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The sandbox page at {@code /sandbox}: its static files, the workspace state it polls, and what
 * its people do. Mounted only when the sandbox runs.
 */
@Controller("/sandbox")
@Requires(beans = Sandbox.class)
@ExecuteOn(TaskExecutors.BLOCKING)
class SandboxController {

  /** How long a state request waits for a change before answering anyway. */
  static final long LONG_POLL_MILLIS = 20_000;

  private static final Map<String, MediaType> ASSETS =
      Map.of(
          "index.html", MediaType.TEXT_HTML_TYPE,
          "sandbox.js", MediaType.of("text/javascript"),
          "sandbox.css", MediaType.of("text/css"));

  private final SandboxPage page;
  private final Map<String, byte[]> assets = new ConcurrentHashMap<>();

  SandboxController(Sandbox sandbox) {
    this.page = new SandboxPage(sandbox);
  }

  @Get(produces = MediaType.TEXT_HTML)
  HttpResponse<byte[]> index() {
    return asset("index.html");
  }

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
   * The workspace as {@code as} sees it. With {@code since}, waits until something changed after
   * that version (or {@link #LONG_POLL_MILLIS} passed), so the page updates as soon as it can.
   */
  @Get(uri = "/api/state", produces = MediaType.APPLICATION_JSON)
  HttpResponse<String> state(
      @QueryValue("as") Optional<String> as,
      @QueryValue("channel") Optional<String> channel,
      @QueryValue("thread") Optional<String> thread,
      @QueryValue("since") Optional<Long> since) {
    since.ifPresent(seen -> page.awaitChange(seen, LONG_POLL_MILLIS));
    String state =
        page.state(as.orElse(null), channel.orElse(null), thread.orElse(null)).toString();
    return HttpResponse.ok(state).header("Cache-Control", "no-store");
  }

  @Post(uri = "/api/type", consumes = MediaType.APPLICATION_JSON)
  HttpResponse<String> type(@Body String body) {
    return act(
        body,
        b -> page.type(text(b, "as"), text(b, "channel"), text(b, "thread"), text(b, "text")));
  }

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

  @Post(uri = "/api/close", consumes = MediaType.APPLICATION_JSON)
  HttpResponse<String> close(@Body String body) {
    return act(body, b -> page.closeModal(text(b, "as"), text(b, "view")));
  }

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

  @Post(uri = "/api/edit", consumes = MediaType.APPLICATION_JSON)
  HttpResponse<String> edit(@Body String body) {
    return act(
        body, b -> page.edit(text(b, "as"), text(b, "channel"), text(b, "ts"), text(b, "text")));
  }

  @Post(uri = "/api/delete", consumes = MediaType.APPLICATION_JSON)
  HttpResponse<String> delete(@Body String body) {
    return act(body, b -> page.delete(text(b, "as"), text(b, "channel"), text(b, "ts")));
  }

  @Post(uri = "/api/join", consumes = MediaType.APPLICATION_JSON)
  HttpResponse<String> join(@Body String body) {
    return act(body, b -> page.join(text(b, "as"), text(b, "channel")));
  }

  /** An uploaded file's content as Slack would serve it, e.g. the postmortem Markdown. */
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
      return HttpResponse.ok("{\"ok\":true}").contentType(MediaType.APPLICATION_JSON_TYPE);
    } catch (SandboxPage.Refused e) {
      return HttpResponse.<String>badRequest()
          .body("{\"ok\":false,\"error\":" + quote(e.getMessage()) + "}")
          .contentType(MediaType.APPLICATION_JSON_TYPE);
    }
  }

  private static String text(JsonNode body, String field) {
    JsonNode value = body.get(field);
    return value == null || value.isNull() ? null : value.asText();
  }

  private static String quote(String s) {
    return com.fasterxml.jackson.databind.node.TextNode.valueOf(s).toString();
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
}
