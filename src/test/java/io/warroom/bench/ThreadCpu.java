package io.warroom.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * CPU time by kind of thread, so a benchmark can say where a request's cost goes: exact per-thread
 * CPU clocks, not samples. Threads are grouped by name (numbers dropped); threads that ended
 * between two snapshots are missed, which is why the benchmarks' own pools are long-lived.
 *
 * <p>Java threads are read from the JVM. On Linux the JVM's own threads, which the JVM does not
 * list (the JIT compilers, the garbage collector, the VM thread), are read from {@code
 * /proc/self/task/<tid>/schedstat} (nanoseconds on the CPU) by their name there.
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

  /** The JVM's own threads, by the name Linux knows them by (at most 15 characters). */
  static final List<Map.Entry<String, String>> JVM_GROUPS =
      List.of(
          Map.entry("C1 CompilerThre", "JIT compilers"),
          Map.entry("C2 CompilerThre", "JIT compilers"),
          Map.entry("GC Thread", "garbage collector"),
          Map.entry("G1 ", "garbage collector"),
          Map.entry("VM Thread", "VM thread (safepoints)"));

  static final String OTHER = "other threads";

  private static final Path TASKS = Path.of("/proc/self/task");

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
    jvmThreads(byGroup);
    return byGroup;
  }

  private static void jvmThreads(Map<String, Long> byGroup) {
    if (!Files.isDirectory(TASKS)) {
      return;
    }
    try (DirectoryStream<Path> tasks = Files.newDirectoryStream(TASKS)) {
      for (Path task : tasks) {
        try {
          String name = Files.readString(task.resolve("comm")).strip();
          String group = jvmGroup(name);
          if (group != null) {
            String onCpu = Files.readString(task.resolve("schedstat")).strip().split(" ")[0];
            byGroup.merge(group, Long.parseLong(onCpu), Long::sum);
          }
        } catch (IOException | RuntimeException ended) {
          // The thread ended while we looked.
        }
      }
    } catch (IOException e) {
      // No per-thread figures for the JVM's own threads then.
    }
  }

  private static String jvmGroup(String linuxName) {
    for (Map.Entry<String, String> g : JVM_GROUPS) {
      if (linuxName.startsWith(g.getKey())) {
        return g.getValue();
      }
    }
    return null;
  }

  /** Every group in report order: Java threads, then the JVM's own, then the rest. */
  static List<String> names() {
    List<String> names = new ArrayList<>();
    GROUPS.forEach(g -> names.add(g.getValue()));
    JVM_GROUPS.forEach(
        g -> {
          if (!names.contains(g.getValue())) {
            names.add(g.getValue());
          }
        });
    names.add(OTHER);
    return names;
  }

  /** What each group used between two snapshots, in ms per request. */
  static Map<String, Double> perRequest(Map<String, Long> before, Map<String, Long> after, int n) {
    Map<String, Double> out = new LinkedHashMap<>();
    for (String group : names()) {
      out.put(group, delta(before, after, group) / 1e6 / n);
    }
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
