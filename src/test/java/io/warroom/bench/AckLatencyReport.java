package io.warroom.bench;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * The ack-latency results as a Markdown report: each round, the median of the rounds (these 2-core
 * machines are noisy), and Warroom's ratio to the bare Bolt app against the goal.
 */
final class AckLatencyReport {

  /** The goal: Warroom's p99 at most this times the bare app's, and under {@link #GOAL_P99_MS}. */
  static final double GOAL_RATIO = 1.5;

  static final double GOAL_P99_MS = 100;

  /** The share of the CPU taken by other processes above which a run counts as disturbed. */
  private static final double NOISY = 0.10;

  /**
   * One measured run: its latencies, sorted, in nanoseconds; the garbage collections during it
   * (client and server share the JVM, so a pause delays both); and the share of the machine's CPU
   * that other processes took meanwhile, which makes a run noisy; and this JVM's CPU time per
   * request (sender and server share it), in all and by kind of thread.
   */
  record Run(
      long[] nanos,
      long wallNanos,
      int errors,
      long gcCount,
      long gcMillis,
      double otherCpu,
      double cpuMsPerRequest,
      Map<String, Double> cpuByThreads) {

    /** Nearest-rank percentile, in milliseconds. */
    double percentile(double p) {
      int rank = (int) Math.ceil(p / 100 * nanos.length);
      return nanos[Math.max(rank - 1, 0)] / 1e6;
    }

    double perSecond() {
      return nanos.length / (wallNanos / 1e9);
    }

    String row() {
      return String.format(
          Locale.ROOT,
          "%.1f | %.1f | %.1f | %.0f | %.2f | %d | %d in %d ms | %.0f%%",
          percentile(50),
          percentile(99),
          percentile(100),
          perSecond(),
          cpuMsPerRequest,
          errors,
          gcCount,
          gcMillis,
          otherCpu * 100);
    }
  }

  private final int senders;
  private final String h2Options;
  private final Map<String, List<Run>> runs = new LinkedHashMap<>();
  private final List<Duration> drains = new ArrayList<>();

  AckLatencyReport(int senders, String h2Options) {
    this.senders = senders;
    this.h2Options = h2Options;
  }

  void add(String target, Run run) {
    runs.computeIfAbsent(target, t -> new ArrayList<>()).add(run);
  }

  /** How long the background delivery took to finish the rooms after a round's declares. */
  void drained(Duration took) {
    drains.add(took);
  }

  String markdown() {
    int rounds = runs.values().iterator().next().size();
    StringBuilder md = new StringBuilder();
    md.append(
        String.format(
            Locale.ROOT,
            "# Ack latency of `/incident` (%s, %d cores, Java %s)%n%n"
                + "%d concurrent senders, %s. A first round, not counted, warms the JVM up."
                + " Per target and round: a third as many warm-up requests (and, after"
                + " declarations, until their war rooms are built), then %s measured. Latency is client-side, from"
                + " %s to the full response; times in ms. H2 options: `%s`.%n%n",
            LocalDate.now(),
            Runtime.getRuntime().availableProcessors(),
            System.getProperty("java.version"),
            senders,
            AckLatencyBench.RATE > 0
                ? "sending signed slash commands on a fixed schedule of "
                    + AckLatencyBench.RATE
                    + " a second in all (`BENCH_RATE`)"
                : "each sending its next signed slash command as soon as the last is answered",
            counts(),
            AckLatencyBench.RATE > 0 ? "the request's scheduled time" : "sending the request",
            h2Options));
    md.append("## Median of ").append(rounds).append(" rounds\n\n");
    md.append(
        "| target | median | p99 | max | req/s | CPU ms/req | errors | GC pauses | other CPU,"
            + " worst |\n");
    md.append("|---|---|---|---|---|---|---|---|---|\n");
    runs.forEach(
        (target, list) ->
            md.append(
                String.format(
                    Locale.ROOT,
                    "| %s | %.1f | %.1f | %.1f | %.0f | %.2f | %d | %.0f ms | %.0f%% |%n",
                    target,
                    median(list, r -> r.percentile(50)),
                    median(list, r -> r.percentile(99)),
                    median(list, r -> r.percentile(100)),
                    median(list, Run::perSecond),
                    median(list, Run::cpuMsPerRequest),
                    list.stream().mapToInt(Run::errors).sum(),
                    median(list, Run::gcMillis),
                    list.stream().mapToDouble(Run::otherCpu).max().orElse(0) * 100)));
    if (runs.values().stream().flatMap(List::stream).anyMatch(r -> r.otherCpu() > NOISY)) {
      md.append("\nOther processes took more than 10% of the CPU during some runs: rerun when the")
          .append(" machine is quiet.\n");
    }
    md.append("\n| command | median warroom/bare | p99 warroom/bare | goal |\n|---|---|---|---|\n");
    for (String command : List.of("help", "declare")) {
      double ratio50 = medianRatio(command, 50);
      double ratio99 = medianRatio(command, 99);
      double p99 = median(runs.get("warroom " + command), r -> r.percentile(99));
      boolean met = ratio99 <= GOAL_RATIO && p99 < GOAL_P99_MS;
      md.append(
          String.format(
              Locale.ROOT,
              "| %s | %.2f× | %.2f× | %s (p99 %.1f ms; goal ≤ %.1f× and < %.0f ms) |%n",
              command,
              ratio50,
              ratio99,
              met ? "met" : "**missed**",
              p99,
              GOAL_RATIO,
              GOAL_P99_MS));
    }
    cpuByThreads(md);
    md.append("\n## Each round\n\n");
    md.append(
        "| round | target | median | p99 | max | req/s | CPU ms/req | errors | GC pauses | other"
            + " CPU |\n");
    md.append("|---|---|---|---|---|---|---|---|---|---|\n");
    for (int i = 0; i < rounds; i++) {
      int round = i;
      runs.forEach(
          (target, list) ->
              md.append("| ")
                  .append(round + 1)
                  .append(" | ")
                  .append(target)
                  .append(" | ")
                  .append(list.get(round).row())
                  .append(" |\n"));
    }
    md.append("\n| round | help median × | help p99 × | declare median × | declare p99 ×")
        .append(" | rooms built after the declares |\n|---|---|---|---|---|---|\n");
    for (int i = 0; i < rounds; i++) {
      md.append(
          String.format(
              Locale.ROOT,
              "| %d | %.2f | %.2f | %.2f | %.2f | %.1f s |%n",
              i + 1,
              ratio("help", 50, i),
              ratio("help", 99, i),
              ratio("declare", 50, i),
              ratio("declare", 99, i),
              i < drains.size() ? drains.get(i).toMillis() / 1000.0 : Double.NaN));
    }
    return md.toString();
  }

  /**
   * Where this JVM's CPU went per request, by kind of thread (median of rounds): the difference
   * between Warroom and the bare app is what Warroom's own work costs each ack.
   */
  private void cpuByThreads(StringBuilder md) {
    md.append("\n## Where the CPU goes, ms per request (median of rounds)\n\n")
        .append(
            "Per-thread CPU clocks, not samples. The JIT compilers, the garbage collector and the")
        .append(
            " VM thread are read from Linux's per-thread clocks (`/proc/self/task`), so they show")
        .append(" only there. The senders and the HTTP client are this benchmark's own: they do")
        .append(" the same work for every target, so what they cost per request shows how much")
        .append(" the machine itself varied.\n\n")
        .append("| threads |");
    runs.keySet().forEach(t -> md.append(' ').append(t).append(" |"));
    md.append("\n|---|").append("---|".repeat(runs.size())).append('\n');
    Map<String, Double> first = runs.values().iterator().next().get(0).cpuByThreads();
    for (String group : first.keySet()) {
      md.append("| ").append(group).append(" |");
      runs.values()
          .forEach(
              list ->
                  md.append(
                      String.format(
                          Locale.ROOT,
                          " %.3f |",
                          median(list, r -> r.cpuByThreads().getOrDefault(group, 0.0)))));
      md.append('\n');
    }
    md.append("| **this JVM in all** |");
    runs.values()
        .forEach(
            list ->
                md.append(
                    String.format(Locale.ROOT, " **%.3f** |", median(list, Run::cpuMsPerRequest))));
    md.append('\n');
  }

  private String counts() {
    StringBuilder out = new StringBuilder();
    runs.forEach(
        (target, list) ->
            out.append(out.length() == 0 ? "" : ", ")
                .append(list.get(0).nanos().length)
                .append(" ")
                .append(target));
    return out.toString();
  }

  private double ratio(String command, double p, int round) {
    return runs.get("warroom " + command).get(round).percentile(p)
        / runs.get("bare " + command).get(round).percentile(p);
  }

  /** The median of the per-round ratios: each round compares runs made minutes apart. */
  private double medianRatio(String command, double p) {
    int rounds = runs.get("warroom " + command).size();
    double[] ratios = new double[rounds];
    for (int i = 0; i < rounds; i++) {
      ratios[i] = ratio(command, p, i);
    }
    return median(ratios);
  }

  private static double median(List<Run> list, ToDoubleFunction<Run> value) {
    return median(list.stream().mapToDouble(value).toArray());
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }
}
