package io.warroom.slack.inbound;

import com.slack.api.bolt.App;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.request.RequestHeaders;
import com.slack.api.bolt.response.Response;
import com.slack.api.bolt.util.SlackRequestParser;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one request URL Slack calls: slash commands, interactivity and the Events API. In this order:
 * a body over the server's {@code max-request-size} gets 413 from Micronaut before this runs; the
 * signature is checked on the raw body (401 otherwise); only then is the body parsed (400 if it
 * cannot be) and handed, byte for byte, to Bolt, which dispatches to the listeners ({@link Replays}
 * keeps a replayed one from having its effect twice). Each refusal is logged in one line, without
 * the body.
 */
@Controller("/slack")
class SlackEventsController {

  private static final Logger LOG = LoggerFactory.getLogger(SlackEventsController.class);

  private final App app;
  private final SlackRequestParser parser;
  private final SlackSignatureCheck signatures;
  private final RefusalLog refusals;

  SlackEventsController(App app, Clock clock) {
    this.app = app;
    this.parser = new SlackRequestParser(app.config());
    this.refusals = new RefusalLog(clock);
    // In Socket Mode nothing legitimate arrives here: a secret nobody knows refuses it all.
    String secret = app.config().getSigningSecret();
    this.signatures =
        new SlackSignatureCheck(secret == null ? UUID.randomUUID().toString() : secret, clock);
  }

  @Post(
      uri = "/events",
      consumes = {MediaType.APPLICATION_FORM_URLENCODED, MediaType.APPLICATION_JSON})
  @ExecuteOn(TaskExecutors.BLOCKING)
  HttpResponse<String> events(HttpRequest<?> request, @Body @Nullable String rawBody) {
    String body = rawBody == null ? "" : rawBody;
    InetSocketAddress remote = request.getRemoteAddress();
    String from = remote == null ? null : remote.getAddress().getHostAddress();
    String signature = request.getHeaders().get("X-Slack-Signature");
    Optional<String> refusal =
        signatures.refusal(request.getHeaders().get("X-Slack-Request-Timestamp"), signature, body);
    if (refusal.isPresent()) {
      refusals.refused(401, refusal.get(), from);
      return json(HttpStatus.UNAUTHORIZED, "{\"error\":\"invalid request\"}");
    }
    Map<String, List<String>> headers = new LinkedHashMap<>();
    request.getHeaders().forEach((name, values) -> headers.put(name, values));
    Map<String, List<String>> query = new LinkedHashMap<>();
    request.getParameters().forEach((name, values) -> query.put(name, values));
    SlackRequestParser.HttpRequest raw =
        SlackRequestParser.HttpRequest.builder()
            .requestUri(request.getPath())
            .queryString(query)
            .requestBody(body)
            .headers(new RequestHeaders(headers))
            .remoteAddress(from)
            .build();
    Request<?> slackRequest;
    try {
      slackRequest = parser.parse(raw);
    } catch (RuntimeException e) {
      refusals.refused(400, "signed, but not a request Slack sends", from);
      return json(HttpStatus.BAD_REQUEST, "{\"error\":\"malformed request\"}");
    }
    Response response;
    try {
      response = app.run(slackRequest);
    } catch (Exception e) {
      // Slack retries events that fail; commands and clicks show the user an error.
      LOG.error("Slack request failed", e);
      return json(HttpStatus.INTERNAL_SERVER_ERROR, "{\"error\":\"internal error\"}");
    }
    MutableHttpResponse<String> out =
        HttpResponse.status(HttpStatus.valueOf(response.getStatusCode()));
    if (response.getHeaders() != null) {
      response.getHeaders().forEach((name, values) -> values.forEach(v -> out.header(name, v)));
    }
    if (response.getContentType() != null) {
      out.contentType(response.getContentType());
    }
    return out.body(response.getBody() == null ? "" : response.getBody());
  }

  private static HttpResponse<String> json(HttpStatus status, String body) {
    return HttpResponse.<String>status(status)
        .body(body)
        .contentType(MediaType.APPLICATION_JSON_TYPE);
  }
}
