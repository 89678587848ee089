package io.warroom.slack.inbound;

import com.slack.api.bolt.middleware.Middleware;
import com.slack.api.bolt.middleware.MiddlewareChain;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.response.Response;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Locale;

/**
 * The first middleware: how long Warroom takes to answer each Slack request, by kind (command,
 * action, view submission, event, …) and HTTP status, over HTTP and Socket Mode alike. Slack gives
 * up after 3 s; the buckets bracket that ({@code warroom_slack_ack_seconds}).
 */
public final class AckTimer implements Middleware {

  private final MeterRegistry registry;

  public AckTimer(MeterRegistry registry) {
    this.registry = registry;
  }

  @Override
  public Response apply(Request req, Response resp, MiddlewareChain chain) throws Exception {
    long start = System.nanoTime();
    Response answer = chain.next(req);
    Timer.builder("warroom.slack.ack")
        .description("time to answer a Slack request, by kind and status")
        .tag("kind", kind(req))
        .tag("status", answer == null ? "none" : String.valueOf(answer.getStatusCode()))
        .serviceLevelObjectives(
            Duration.ofMillis(100),
            Duration.ofMillis(250),
            Duration.ofMillis(500),
            Duration.ofSeconds(1),
            Duration.ofMillis(2500),
            Duration.ofSeconds(3))
        .register(registry)
        .record(Duration.ofNanos(System.nanoTime() - start));
    return answer;
  }

  private static String kind(Request req) {
    return req.getRequestType() == null
        ? "unknown"
        : req.getRequestType()
            .name()
            .replaceAll("([a-z])([A-Z])", "$1_$2")
            .toLowerCase(Locale.ROOT);
  }
}
