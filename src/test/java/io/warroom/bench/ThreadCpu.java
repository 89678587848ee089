package io.warroom.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * CPU time by kind of thread, so a benchmark can say where a request's cost goes: exact per-thread
 * CPU clocks, not samples. Threads are grouped by name (numbers dropped); threads that ended
 * between two snapshots are missed, which is why the benchmarks' own pools are long-lived.
 */
final class ThreadCpu {

  /** Groups in report order: what each thread name prefix does. */
  static final List<Map.Entry<String, String>> GROUPS =
      List.of(
          Map.entry("io-executor-thread", "request threads (Bolt, listeners)"),
          Map.entry("default-eventLoopGroup", "HTTP server event loop"),
          Map.entry("group-commit", "group commit (durable write before the ack)"),
          Map.entry("declaration-intake", "declaration intake"),
          Map.entry("war-room", "war-room delivery"),
          Map.entry("event-write", "event ingest"),
          Map.entry("scheduled-executor-thread", "scheduled sweeps"),
          Map.entry("fake-slack", "fake Slack"),
          Map.entry("pool-", "bench senders"),
          Map.entry("HttpClient", "bench HTTP client"));

  static final String OTHER = "other threads (GC excluded)";

  private ThreadCpu() {}

  /** CPU nanoseconds used so far by the live threads of this JVM, summed by group. */
  static Map<String, Long> snapshot() {
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    Map<String, Long> byGroup = new LinkedHashMap<>();
    for (long id : mx.getAllThreadIds()) {
      ThreadInfo info = mx.getThreadInfo(id);
      long nanos = mx.getThreadCpuTime(id);
      if (info != null && nanos >= 0) {
        byGroup.merge(group(info.getThreadName()), nanos, Long::sum);
      }
    }
    return byGroup;
  }

  /** What each group used between two snapshots, in ms per request. */
  static Map<String, Double> perRequest(Map<String, Long> before, Map<String, Long> after, int n) {
    Map<String, Double> out = new LinkedHashMap<>();
    for (Map.Entry<String, String> g : GROUPS) {
      out.put(g.getValue(), delta(before, after, g.getValue()) / 1e6 / n);
    }
    out.put(OTHER, delta(before, after, OTHER) / 1e6 / n);
    return out;
  }

  private static long delta(Map<String, Long> before, Map<String, Long> after, String group) {
    return Math.max(0, after.getOrDefault(group, 0L) - before.getOrDefault(group, 0L));
  }

  private static String group(String threadName) {
    for (Map.Entry<String, String> g : GROUPS) {
      if (threadName.startsWith(g.getKey())) {
        return g.getValue();
      }
    }
    return OTHER;
  }
}
