package io.warroom.bench;

import com.slack.api.Slack;
import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import com.slack.api.bolt.request.RequestHeaders;
import com.slack.api.bolt.response.Response;
import com.slack.api.bolt.util.SlackRequestParser;
import io.micronaut.context.annotation.Requires;
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
import io.warroom.slack.SlackIds;
import io.warroom.slack.SlackSettings;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The baseline of the ack-latency benchmark: a bare Bolt app in the same Micronaut server, behind
 * the same adapter as {@code SlackEventsController}, whose {@code /incident} only acks. Whatever
 * Warroom's ack costs beyond this is Warroom's own work.
 */
@Controller("/bench/bare")
@Requires(property = "warroom.bench.bare", value = "true")
class BareBoltController {

  private final App app;
  private final SlackRequestParser parser;

  BareBoltController(Slack slack, SlackSettings settings) {
    AppConfig config =
        AppConfig.builder()
            .signingSecret(settings.signingSecret().orElseThrow())
            .singleTeamBotToken(settings.botToken().orElseThrow())
            .slack(slack)
            .build();
    this.app = new App(config);
    app.command(
        SlackIds.COMMAND, (req, ctx) -> ctx.ack(r -> r.responseType("ephemeral").text("acked")));
    this.parser = new SlackRequestParser(app.config());
  }

  @Post(
      uri = "/events",
      consumes = {MediaType.APPLICATION_FORM_URLENCODED, MediaType.APPLICATION_JSON})
  @ExecuteOn(TaskExecutors.BLOCKING)
  HttpResponse<String> events(HttpRequest<?> request, @Body String body) throws Exception {
    Map<String, List<String>> headers = new LinkedHashMap<>();
    request.getHeaders().forEach(headers::put);
    Map<String, List<String>> query = new LinkedHashMap<>();
    request.getParameters().forEach(query::put);
    SlackRequestParser.HttpRequest raw =
        SlackRequestParser.HttpRequest.builder()
            .requestUri(request.getPath())
            .queryString(query)
            .requestBody(body == null ? "" : body)
            .headers(new RequestHeaders(headers))
            .remoteAddress(request.getRemoteAddress().getHostString())
            .build();
    Response response = app.run(parser.parse(raw));
    MutableHttpResponse<String> out =
        HttpResponse.status(HttpStatus.valueOf(response.getStatusCode()));
    response.getHeaders().forEach((name, values) -> values.forEach(v -> out.header(name, v)));
    if (response.getContentType() != null) {
      out.contentType(response.getContentType());
    }
    return out.body(response.getBody() == null ? "" : response.getBody());
  }
}
