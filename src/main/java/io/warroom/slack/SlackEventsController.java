package io.warroom.slack;

import com.slack.api.bolt.App;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.request.RequestHeaders;
import com.slack.api.bolt.response.Response;
import com.slack.api.bolt.util.SlackRequestParser;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.net.InetSocketAddress;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one request URL Slack calls: slash commands, interactivity and the Events API. It hands the
 * raw body, byte for byte, to Bolt, which verifies the signature and dispatches to the listeners.
 */
@Controller("/slack")
class SlackEventsController {

  private static final Logger LOG = LoggerFactory.getLogger(SlackEventsController.class);

  private final App app;
  private final SlackRequestParser parser;

  SlackEventsController(App app) {
    this.app = app;
    this.parser = new SlackRequestParser(app.config());
  }

  @Post(
      uri = "/events",
      consumes = {MediaType.APPLICATION_FORM_URLENCODED, MediaType.APPLICATION_JSON})
  @ExecuteOn(TaskExecutors.BLOCKING)
  HttpResponse<String> events(HttpRequest<?> request, @Body String body) {
    Map<String, List<String>> headers = new LinkedHashMap<>();
    request.getHeaders().forEach((name, values) -> headers.put(name, values));
    Map<String, List<String>> query = new LinkedHashMap<>();
    request.getParameters().forEach((name, values) -> query.put(name, values));
    InetSocketAddress remote = request.getRemoteAddress();
    SlackRequestParser.HttpRequest raw =
        SlackRequestParser.HttpRequest.builder()
            .requestUri(request.getPath())
            .queryString(query)
            .requestBody(body == null ? "" : body)
            .headers(new RequestHeaders(headers))
            .remoteAddress(remote == null ? null : remote.getHostString())
            .build();
    Request<?> slackRequest = parser.parse(raw);
    Response response;
    try {
      response = app.run(slackRequest);
    } catch (Exception e) {
      // Slack retries events that fail; commands and clicks show the user an error.
      LOG.error("Slack request failed", e);
      return HttpResponse.serverError("{\"error\":\"internal error\"}")
          .contentType(MediaType.APPLICATION_JSON_TYPE);
    }
    MutableHttpResponse<String> out =
        HttpResponse.status(io.micronaut.http.HttpStatus.valueOf(response.getStatusCode()));
    if (response.getHeaders() != null) {
      response.getHeaders().forEach((name, values) -> values.forEach(v -> out.header(name, v)));
    }
    if (response.getContentType() != null) {
      out.contentType(response.getContentType());
    }
    return out.body(response.getBody() == null ? "" : response.getBody());
  }
}
