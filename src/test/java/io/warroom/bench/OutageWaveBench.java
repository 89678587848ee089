package io.warroom.bench;

import io.warroom.fakeslack.ApiCall;
import io.warroom.fakeslack.EventDelivery;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * An outage wave (issue 20): 25 declarations in 10 s, by 25 people, while every war room that is
 * open receives a message a second (a responder joins each channel as soon as it exists and keeps
 * talking); Slack answering in 100-250 ms with its rate limits on. Reports when every room had its
 * channel, the declarer, the card and the exploration thread, against the 60 s Slack's limits make
 * necessary (25 {@code conversations.create} at 20 a minute); when every room was complete; the
 * share of Warroom's Web API calls answered 429; and the acks of the declarations and of the
 * message events (after {@code BENCH_WAVE_WARMUP} help commands and messages outside any war room).
 * Run by {@code mvn -B -q -Pbench verify -Dbench=wave}.
 */
final class OutageWaveBench {

  private static final int ROOMS = AckLatencyBench.setting("BENCH_WAVE_ROOMS", 25);
  private static final int SPREAD_MS = AckLatencyBench.setting("BENCH_WAVE_SPREAD_MS", 10_000);

  /** Tier 2 allows 20 channels a minute: the 21st cannot be made before a minute has passed. */
  private static final double NECESSARY_S = ((ROOMS - 1) / 20) * 60.0;

  private static final Duration MAX = Duration.ofMinutes(4);
  private static final int WARMUP = AckLatencyBench.setting("BENCH_WAVE_WARMUP", 500);
  private static int warmUpEvents;

  public static void main(String[] args) throws Exception {
    if (!AckLatencyBench.selected("wave")) {
      return;
    }
    try (InternetSlack env = InternetSlack.start(2 * ROOMS)) {
      warmUp(env);
      run(env);
    }
    System.exit(0);
  }

  /**
   * Warms the request paths up without using Slack's budgets: {@code /incident help} and messages
   * in a channel that is no war room. (A declaration would take one of the 20 channels a minute.)
   */
  private static void warmUp(InternetSlack env) {
    for (int i = 0; i < WARMUP; i++) {
      env.slack.app().command(env.people.get(i % ROOMS), env.general, "help");
      env.slack.post(env.people.get(i % ROOMS), env.general, "Warming up " + i, null);
    }
    env.slack.awaitEvents(Duration.ofSeconds(60));
    warmUpEvents = env.slack.eventDeliveries().size();
  }

  private static void run(InternetSlack env) throws Exception {
    long[] declaredAt = new long[ROOMS];
    long[] ackNanos = new long[ROOMS];
    long[] usableAt = new long[ROOMS];
    long[] completeAt = new long[ROOMS];
    Map<Integer, String> channels = new ConcurrentHashMap<>();
    List<String> problems = new CopyOnWriteArrayList<>();
    ScheduledExecutorService clock = Executors.newScheduledThreadPool(4);
    long start = System.nanoTime();
    long step = Duration.ofMillis(SPREAD_MS).toNanos() / ROOMS;
    for (int i = 0; i < ROOMS; i++) {
      int room = i;
      clock.schedule(
          () -> {
            String declarer = env.people.get(room);
            declaredAt[room] = System.nanoTime();
            var reply =
                env.slack
                    .app()
                    .command(declarer, env.general, "declare sev1 Outage wave room " + (room + 1));
            ackNanos[room] = System.nanoTime() - declaredAt[room];
            if (reply.status() != 200 || !reply.text().contains("Declared")) {
              problems.add("room " + (room + 1) + ": " + reply.status() + " " + reply.text());
            }
          },
          step * i,
          TimeUnit.NANOSECONDS);
    }
    // Each open room: a responder joins as soon as the channel exists and says something each
    // second.
    clock.scheduleAtFixedRate(
        () -> {
          for (int i = 0; i < ROOMS; i++) {
            String id = channels.get(i);
            if (id != null) {
              String responder = env.people.get(ROOMS + i);
              if (!env.slack.members(id).contains(responder)) {
                env.slack.join(responder, id);
              }
              env.slack.post(responder, id, "Seeing errors on host " + i, null);
            }
          }
        },
        1,
        1,
        TimeUnit.SECONDS);
    int done = 0;
    long until = start + MAX.toNanos();
    while (done < ROOMS && System.nanoTime() < until) {
      done = 0;
      List<String> names = env.slack.channelNames();
      for (int i = 0; i < ROOMS; i++) {
        String slug = "-outage-wave-room-" + (i + 1);
        if (!channels.containsKey(i)) {
          int room = i;
          names.stream()
              .filter(n -> n.endsWith(slug))
              .findFirst()
              .flatMap(env.slack::channelId)
              .ifPresent(id -> channels.put(room, id));
        }
        String id = channels.get(i);
        if (id == null) {
          continue;
        }
        String declarer = env.people.get(i);
        if (usableAt[i] == 0 && env.usable(id, declarer)) {
          usableAt[i] = System.nanoTime();
        }
        if (completeAt[i] == 0 && env.complete(id, declarer)) {
          completeAt[i] = System.nanoTime();
        }
        if (completeAt[i] != 0) {
          done++;
        }
      }
      Thread.sleep(20);
    }
    clock.shutdownNow();
    env.slack.awaitEvents(Duration.ofSeconds(10));
    report(env, declaredAt, ackNanos, usableAt, completeAt, problems);
  }

  private static void report(
      InternetSlack env,
      long[] declaredAt,
      long[] ackNanos,
      long[] usableAt,
      long[] completeAt,
      List<String> problems)
      throws Exception {
    long first = Arrays.stream(declaredAt).filter(t -> t != 0).min().orElse(0);
    double lastUsable = seconds(first, usableAt);
    double lastComplete = seconds(first, completeAt);
    long usable = Arrays.stream(usableAt).filter(t -> t != 0).count();
    long complete = Arrays.stream(completeAt).filter(t -> t != 0).count();
    List<ApiCall> calls = env.slack.calls();
    long limited = calls.stream().filter(c -> c.status() == 429).count();
    double limitedShare = calls.isEmpty() ? 0 : limited / (double) calls.size();
    List<Double> acks = new ArrayList<>();
    for (long a : ackNanos) {
      acks.add(a / 1e6);
    }
    List<EventDelivery> all = env.slack.eventDeliveries();
    List<EventDelivery> events = all.subList(warmUpEvents, all.size());
    List<Double> eventAcks = new ArrayList<>();
    for (EventDelivery d : events) {
      eventAcks.add((double) d.millis());
      acks.add((double) d.millis());
    }
    long eventFailures = events.stream().filter(d -> d.status() != 200).count();
    double p99 = percentile(acks, 0.99);
    double usableGoal = 1.15 * NECESSARY_S;
    String table =
        String.format(
            Locale.ROOT,
            "%d declarations over %d s, Slack answering in %d-%d ms with rate limits on; each open"
                + " room gets a message a second.%n%n"
                + "| measure | value | goal | met |%n|---|---|---|---|%n"
                + "| every room has channel, declarer, card and thread | %.1f s after the first"
                + " declaration (%d/%d rooms; %.2f× the %.0f s Slack's limits make necessary) |"
                + " ≤ %.1f s (1.15×) | %s |%n"
                + "| every room complete (also topic, pin, announcement) | %.1f s (%d/%d) | all |"
                + " %s |%n"
                + "| Web API calls answered 429 | %d of %d (%.1f%%) | ≤ 5%% | %s |%n"
                + "| acks p99 (%d declarations, %d message events) | %.0f ms (declare max %.0f"
                + " ms; events p50 %.0f ms, p99 %.0f ms, max %.0f ms; %d not 200) | < 100 ms |"
                + " %s |%n",
            declaredAt.length,
            SPREAD_MS / 1000,
            InternetSlack.MIN_LATENCY.toMillis(),
            InternetSlack.MAX_LATENCY.toMillis(),
            lastUsable,
            usable,
            declaredAt.length,
            NECESSARY_S == 0 ? 0 : lastUsable / NECESSARY_S,
            NECESSARY_S,
            usableGoal,
            usable == declaredAt.length && lastUsable <= usableGoal ? "yes" : "NO",
            lastComplete,
            complete,
            declaredAt.length,
            complete == declaredAt.length ? "yes" : "NO",
            limited,
            calls.size(),
            limitedShare * 100,
            limitedShare <= 0.05 ? "yes" : "NO",
            ackNanos.length,
            eventAcks.size(),
            p99,
            Arrays.stream(ackNanos).max().orElse(0) / 1e6,
            percentile(eventAcks, 0.5),
            percentile(eventAcks, 0.99),
            percentile(eventAcks, 1.0),
            eventFailures,
            p99 < 100 ? "yes" : "NO");
    if (!problems.isEmpty()) {
      table += "\nProblems: " + problems + "\n";
    }
    StringBuilder perMethod = new StringBuilder("\nWeb API calls by method (429s):");
    calls.stream()
        .collect(
            java.util.stream.Collectors.groupingBy(
                ApiCall::method, java.util.TreeMap::new, java.util.stream.Collectors.toList()))
        .forEach(
            (m, list) ->
                perMethod.append(
                    String.format(
                        Locale.ROOT,
                        " %s %d (%d);",
                        m,
                        list.size(),
                        list.stream().filter(c -> c.status() == 429).count())));
    table += perMethod + "\n";
    System.out.println(table);
    InternetSlack.write("outage-wave.md", table);
  }

  private static double seconds(long first, long[] times) {
    return Arrays.stream(times).filter(t -> t != 0).max().orElse(first) / 1e9 - first / 1e9;
  }

  private static double percentile(List<Double> values, double p) {
    if (values.isEmpty()) {
      return 0;
    }
    List<Double> sorted = values.stream().sorted().toList();
    int index = (int) Math.ceil(p * sorted.size()) - 1;
    return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
  }
}
