package io.warroom.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.warroom.support.TestApp;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;

/**
 * Time to a complete war room (issue 20): from sending {@code /incident declare} until the fake
 * Slack shows the channel with the declarer in it, its topic, the card pinned, the exploration
 * thread and the notice in the announce channel; Slack answering in 100-250 ms with its rate limits
 * on. Next to it, in the same run and seen the same way, the floor: the three calls that cannot run
 * at the same time ({@code conversations.create}, then {@code chat.postMessage}, then {@code
 * pins.add}) made one after another by a bare client. Median of {@code BENCH_ROOM_RUNS} (5) each,
 * after one warm-up room and floor. Run by {@code mvn -B -q -Pbench verify -Dbench=room}.
 */
final class WarRoomTimeBench {

  private static final int RUNS = AckLatencyBench.setting("BENCH_ROOM_RUNS", 5);
  private static final int WARMUP = AckLatencyBench.setting("BENCH_ROOM_WARMUP", 2);
  private static final double GOAL = 1.3;
  private static final Duration MAX = Duration.ofSeconds(90);

  private final InternetSlack env;
  private final HttpClient http =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private final ObjectMapper json = new ObjectMapper();
  private final long startWall = System.currentTimeMillis();
  private final long startNanos = System.nanoTime();

  private WarRoomTimeBench(InternetSlack env) {
    this.env = env;
  }

  public static void main(String[] args) throws Exception {
    if (!AckLatencyBench.selected("room")) {
      return;
    }
    try (InternetSlack env = InternetSlack.start(3)) {
      new WarRoomTimeBench(env).measure();
    }
    System.exit(0);
  }

  private void measure() throws Exception {
    for (int i = 1; i <= WARMUP; i++) {
      floor("warm-up-floor-" + i);
      room("Warm up room " + i, "warm-up-room-" + i);
    }
    List<Double> floors = new ArrayList<>();
    List<Double> rooms = new ArrayList<>();
    StringBuilder rows = new StringBuilder();
    for (int i = 1; i <= RUNS; i++) {
      double floor = floor("floor-" + i);
      double room = room("Room time " + i, "room-time-" + i);
      floors.add(floor);
      rooms.add(room);
      String row =
          String.format(Locale.ROOT, "| %d | %.0f | %.0f | %.2f× |", i, floor, room, room / floor);
      rows.append(row).append('\n');
      System.out.println(row);
      // Two channels a run; Tier 2 allows 20 a minute.
      Thread.sleep(1_000);
    }
    double floor = InternetSlack.median(floors);
    double room = InternetSlack.median(rooms);
    String verdict = room / floor <= GOAL ? "met" : "NOT met";
    String table =
        String.format(
            Locale.ROOT,
            "Slack answering in %d-%d ms, rate limits on; %d runs after %d warm-up.%n%n"
                + "| run | floor: create → post → pin (ms) | complete war room (ms) | ratio |%n"
                + "|---|---|---|---|%n%s"
                + "| **median** | **%.0f** | **%.0f** | **%.2f×** |%n%n"
                + "Goal: a complete war room within %.1f× the floor: %s.%n",
            InternetSlack.MIN_LATENCY.toMillis(),
            InternetSlack.MAX_LATENCY.toMillis(),
            RUNS,
            WARMUP,
            rows,
            floor,
            room,
            room / floor,
            GOAL,
            verdict);
    System.out.println(table);
    InternetSlack.write("war-room-time.md", table);
  }

  /** Declares an incident; ms until the fake Slack shows its war room complete. */
  private double room(String title, String slug) {
    String declarer = env.people.get(0);
    long start = System.nanoTime();
    CompletableFuture<String> channel =
        CompletableFuture.supplyAsync(() -> env.channelEndingIn(slug, MAX));
    var reply = env.slack.app().command(declarer, env.general, "declare sev2 " + title);
    if (reply.status() != 200) {
      throw new IllegalStateException("declare answered " + reply.status());
    }
    String id = channel.join();
    long done = InternetSlack.awaitNanos(() -> env.complete(id, declarer), MAX, 1);
    long startMillis = startWall + (start - startNanos) / 1_000_000;
    String created =
        env.slack.calls("conversations.create").stream()
            .filter(c -> c.params().getOrDefault("name", "").endsWith(slug))
            .map(c -> String.valueOf(c.atMillis() - startMillis))
            .findFirst()
            .orElse("?");
    System.out.println("  " + slug + ": conversations.create arrived after " + created + " ms");
    return (done - start) / 1e6;
  }

  /** Create, post, pin, one after another; ms until the fake Slack shows the pin. */
  private double floor(String name) throws Exception {
    long start = System.nanoTime();
    CompletableFuture<Long> pinned =
        CompletableFuture.supplyAsync(
            () -> {
              InternetSlack.awaitNanos(
                  () -> env.slack.channelId("bench-" + name).isPresent(), MAX, 1);
              String id = env.slack.channelId("bench-" + name).orElseThrow();
              return InternetSlack.awaitNanos(() -> !env.slack.pins(id).isEmpty(), MAX, 1);
            });
    String channel =
        call("conversations.create", "name", "bench-" + name).at("/channel/id").asText();
    String ts =
        call(
                "chat.postMessage",
                "channel",
                channel,
                "text",
                "Incident card",
                "blocks",
                "[{\"type\":\"section\",\"text\":{\"type\":\"mrkdwn\",\"text\":\"*Card*\"}}]")
            .path("ts")
            .asText();
    call("pins.add", "channel", channel, "timestamp", ts);
    return (pinned.join() - start) / 1e6;
  }

  private JsonNode call(String method, String... params) throws Exception {
    StringBuilder form = new StringBuilder();
    for (int i = 0; i < params.length; i += 2) {
      form.append(form.length() == 0 ? "" : "&")
          .append(params[i])
          .append('=')
          .append(URLEncoder.encode(params[i + 1], StandardCharsets.UTF_8));
    }
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(URI.create(env.slack.apiUrl() + method))
                .header("Authorization", "Bearer " + TestApp.BOT_TOKEN)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form.toString()))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    JsonNode body = json.readTree(response.body());
    if (response.statusCode() != 200 || !body.path("ok").asBoolean()) {
      throw new IllegalStateException(method + ": " + response.statusCode() + " " + body);
    }
    return body;
  }
}
