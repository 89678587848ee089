package io.warroom.bench;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.warroom.fakeslack.FakeSlack;
import io.warroom.support.TestApp;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * Warroom, embedded with its production settings and an H2 file, against a fake Slack that answers
 * in 100-250 ms and enforces Slack's rate limits (issue 20's conditions), with an announce channel
 * and a few people. The room-time and outage-wave benchmarks run on it.
 */
final class InternetSlack implements AutoCloseable {

  static final Duration MIN_LATENCY =
      Duration.ofMillis(AckLatencyBench.setting("BENCH_SLACK_MIN_MS", 100));
  static final Duration MAX_LATENCY =
      Duration.ofMillis(AckLatencyBench.setting("BENCH_SLACK_MAX_MS", 250));

  final FakeSlack slack;
  final EmbeddedServer server;
  final String general;
  final String announce;
  final List<String> people = new ArrayList<>();
  private final Path dir;

  private InternetSlack(int people) throws IOException {
    System.setProperty("sun.net.httpserver.nodelay", "true");
    dir = Files.createTempDirectory("warroom-internet");
    slack = FakeSlack.start(TestApp.BOT_TOKEN, TestApp.SIGNING_SECRET);
    slack.latency(MIN_LATENCY, MAX_LATENCY).rateLimits(true);
    for (int i = 1; i <= people; i++) {
      this.people.add(slack.user("person" + i));
    }
    String[] everyone = this.people.toArray(String[]::new);
    general = slack.channel("general", false, this.people.get(0), everyone);
    announce = slack.channel("incidents", false, this.people.get(0), slack.botUserId());
    Map<String, Object> props = new LinkedHashMap<>();
    props.put("micronaut.server.port", -1);
    props.put(
        "datasources.default.url",
        "jdbc:h2:file:" + dir.resolve("warroom") + AckLatencyBench.H2_OPTIONS);
    props.put("slack.bot-token", TestApp.BOT_TOKEN);
    props.put("slack.signing-secret", TestApp.SIGNING_SECRET);
    props.put("slack.api-url", slack.apiUrl());
    props.put("warroom.announce-channel", announce);
    server = ApplicationContext.run(EmbeddedServer.class, props);
    slack.connect(URI.create("http://127.0.0.1:" + server.getPort() + "/slack/events"));
  }

  static InternetSlack start(int people) throws IOException {
    return new InternetSlack(people);
  }

  /** The id of the channel whose name ends in {@code -slug}, once there is one. */
  String channelEndingIn(String slug, Duration max) {
    awaitNanos(() -> slack.channelNames().stream().anyMatch(n -> n.endsWith("-" + slug)), max, 2);
    String name =
        slack.channelNames().stream().filter(n -> n.endsWith("-" + slug)).findFirst().get();
    return slack.channelId(name).orElseThrow();
  }

  /**
   * Whether the room has all a declaration asks for: members, topic, card pinned, thread, notice.
   */
  boolean complete(String channel, String declarer) {
    return slack.members(channel).contains(declarer)
        && slack.topic(channel) != null
        && slack.topic(channel).startsWith("SEV")
        && !slack.pins(channel).isEmpty()
        && hasThread(channel)
        && announced(channel);
  }

  /** Whether responders can work: the channel with the declarer in it, the card and the thread. */
  boolean usable(String channel, String declarer) {
    return slack.members(channel).contains(declarer)
        && slack.messages(channel).stream().anyMatch(m -> m.byBot() && m.blocks() != null)
        && hasThread(channel);
  }

  boolean hasThread(String channel) {
    return slack.messages(channel).stream()
        .anyMatch(m -> m.byBot() && m.text().contains("exploration thread"));
  }

  boolean announced(String channel) {
    return slack.messages(announce).stream().anyMatch(m -> m.allText().contains(channel));
  }

  /**
   * Waits, polling every {@code everyMillis}, until the condition holds; answers {@code nanoTime}
   * when it was first seen to.
   */
  static long awaitNanos(BooleanSupplier condition, Duration max, long everyMillis) {
    long until = System.nanoTime() + max.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > until) {
        throw new AssertionError("Timed out after " + max.toSeconds() + " s");
      }
      try {
        Thread.sleep(everyMillis);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
    return System.nanoTime();
  }

  static void write(String file, String markdown) throws IOException {
    Path out = Path.of("target", "bench", file);
    Files.createDirectories(out.getParent());
    Files.writeString(out, markdown, StandardCharsets.UTF_8);
    System.out.println("Written to " + out.toAbsolutePath());
  }

  static double median(List<Double> values) {
    List<Double> sorted = values.stream().sorted().toList();
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }

  @Override
  public void close() throws IOException {
    slack.eventsEnabled(false);
    server.getApplicationContext().close();
    slack.close();
    AckLatencyBench.deleteTree(dir);
  }
}
