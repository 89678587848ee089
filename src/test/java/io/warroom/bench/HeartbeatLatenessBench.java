package io.warroom.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.context.ApplicationContext;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.runtime.server.EmbeddedServer;
import io.warroom.config.SettingParser;
import io.warroom.fakeslack.ApiCall;
import io.warroom.fakeslack.FakeSlack;
import io.warroom.incident.DeclareRequest;
import io.warroom.incident.IncidentService;
import io.warroom.incident.Severity;
import io.warroom.support.Postgres;
import io.warroom.support.TestApp;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;

/**
 * Measures how late update reminders are (issue 4): two replicas on one PostgreSQL, 1,000 open
 * incidents whose first reminders fall due over one minute, one fake Slack. Each reminder's
 * lateness is the time its {@code chat.postMessage} reached Slack minus its due time; a duplicate
 * is a second reminder for the same incident and due time. Run by {@code mvn -B -q -Pbench verify
 * -Dbench=heartbeat}; see {@code docs/benchmarks.md}.
 */
final class HeartbeatLatenessBench {

  private static final int INCIDENTS = AckLatencyBench.setting("BENCH_HEARTBEAT_INCIDENTS", 1000);
  private static final int SPREAD_SECONDS =
      AckLatencyBench.setting("BENCH_HEARTBEAT_SPREAD_SECONDS", 60);

  /** From setting the due times to the first of them. */
  private static final int LEAD_SECONDS =
      AckLatencyBench.setting("BENCH_HEARTBEAT_LEAD_SECONDS", 5);

  /** The replicas' {@code WARROOM_SCHEDULER_TICK}; 1 s unless the environment says otherwise. */
  private static final String TICK =
      System.getenv().getOrDefault("WARROOM_SCHEDULER_TICK", "1s").strip();

  private static final int DECLARERS = 4;
  private static final String REMINDER = "Status update due";

  public static void main(String[] args) throws Exception {
    if (!AckLatencyBench.selected("heartbeat")) {
      return;
    }
    // The JDK's HttpServer, which plays Slack, leaves Nagle on; every Web API answer would then
    // wait for a delayed ACK (about 40 ms) that real Slack does not add.
    System.setProperty("sun.net.httpserver.nodelay", "true");
    Duration tick = SettingParser.duration("WARROOM_SCHEDULER_TICK", TICK);
    String db = Postgres.newDatabase();
    try (FakeSlack slack = FakeSlack.start(TestApp.BOT_TOKEN, TestApp.SIGNING_SECRET)) {
      Map<String, Object> props = new LinkedHashMap<>();
      props.put("micronaut.server.port", -1);
      props.put("datasources.default.url", db);
      props.put("datasources.default.username", "postgres");
      props.put("datasources.default.password", "");
      props.put("slack.bot-token", TestApp.BOT_TOKEN);
      props.put("slack.signing-secret", TestApp.SIGNING_SECRET);
      props.put("slack.api-url", slack.apiUrl());
      props.put("warroom.scheduler-tick", TICK);
      List<EmbeddedServer> replicas = new ArrayList<>();
      try {
        replicas.add(ApplicationContext.run(EmbeddedServer.class, props));
        replicas.add(ApplicationContext.run(EmbeddedServer.class, props));
        slack.connect(
            URI.create("http://127.0.0.1:" + replicas.get(0).getPort() + "/slack/events"));
        String alice = slack.user("alice");
        slack.channel("general", false, alice, alice);
        measure(slack, replicas, db, tick);
      } finally {
        slack.eventsEnabled(false);
        for (EmbeddedServer replica : replicas) {
          if (replica.getApplicationContext().isRunning()) {
            replica.getApplicationContext().close();
          }
        }
      }
    }
  }

  private static void measure(
      FakeSlack slack, List<EmbeddedServer> replicas, String db, Duration tick) throws Exception {
    DataSource pool =
        DelegatingDataSource.unwrapDataSource(
            replicas.get(0).getApplicationContext().getBean(DataSource.class));
    String alice = slack.user("alice");

    // 1. Declare the incidents on both replicas and let the war rooms be built.
    long declaring = System.nanoTime();
    ExecutorService declarers = Executors.newFixedThreadPool(DECLARERS);
    List<Future<?>> declared = new ArrayList<>();
    for (int i = 0; i < INCIDENTS; i++) {
      int n = i;
      IncidentService incidents =
          replicas.get(n % 2).getApplicationContext().getBean(IncidentService.class);
      declared.add(
          declarers.submit(
              () ->
                  incidents.declare(
                      new DeclareRequest(
                          "heartbeat-bench-" + n,
                          String.format(Locale.ROOT, "Lateness bench %04d", n),
                          Severity.SEV1,
                          null,
                          false,
                          false,
                          alice,
                          alice))));
    }
    for (Future<?> f : declared) {
      f.get();
    }
    declarers.shutdown();
    Duration declare = Duration.ofNanos(System.nanoTime() - declaring);
    long building = System.nanoTime();
    awaitRoomsBuilt(pool);
    Duration built = Duration.ofNanos(System.nanoTime() - building);
    System.out.printf(
        "%d incidents declared in %.1f s; war rooms built %.1f s later%n",
        INCIDENTS, declare.toMillis() / 1000.0, built.toMillis() / 1000.0);

    // 2. Move their first reminders to the measured minute, evenly spread.
    Map<Long, Instant> due = new HashMap<>();
    Map<String, Long> incidentOfChannel = new HashMap<>();
    Instant first = Instant.now().plusSeconds(LEAD_SECONDS);
    try (Connection c = pool.getConnection()) {
      try (PreparedStatement q =
              c.prepareStatement(
                  "SELECT incident_id, channel_id FROM war_room ORDER BY incident_id");
          ResultSet rs = q.executeQuery()) {
        while (rs.next()) {
          incidentOfChannel.put(rs.getString(2), rs.getLong(1));
        }
      }
      List<Long> ids = incidentOfChannel.values().stream().sorted().toList();
      c.setAutoCommit(false);
      try (PreparedStatement u =
          c.prepareStatement("UPDATE heartbeat SET next_due = ? WHERE incident_id = ?")) {
        for (int k = 0; k < ids.size(); k++) {
          Instant at = first.plusMillis(k * SPREAD_SECONDS * 1000L / ids.size());
          due.put(ids.get(k), at);
          u.setObject(1, OffsetDateTime.ofInstant(at, ZoneOffset.UTC));
          u.setLong(2, ids.get(k));
          u.addBatch();
        }
        u.executeBatch();
      }
      c.commit();
    }
    Instant last = due.values().stream().max(Instant::compareTo).orElse(first);

    // 3. Wait for the reminders, at most tick + 30 s after the last due time.
    int pgPort = URI.create(db.substring("jdbc:".length())).getPort();
    long[] gcBefore = AckLatencyBench.gc();
    long[] cpuBefore = AckLatencyBench.cpu();
    long pgBefore = postgresCpuNanos(pgPort);
    long started = System.nanoTime();
    Instant deadline = last.plus(tick).plusSeconds(30);
    while (reminders(slack).size() < due.size() && Instant.now().isBefore(deadline)) {
      Thread.sleep(200);
    }
    // A little longer, so that a late duplicate would still be seen.
    Thread.sleep(Math.max(2000, tick.toMillis() * 2));
    long wall = System.nanoTime() - started;
    long[] gcAfter = AckLatencyBench.gc();
    long[] cpuAfter = AckLatencyBench.cpu();
    long pgNanos = postgresCpuNanos(pgPort) - pgBefore;
    // PostgreSQL runs in processes of its own but is part of what is measured, not "other".
    cpuAfter[1] += pgNanos;
    double otherCpu = AckLatencyBench.otherCpu(cpuBefore, cpuAfter, wall);
    double pgCpu = pgNanos / (double) (wall * Runtime.getRuntime().availableProcessors());
    for (EmbeddedServer replica : replicas) {
      replica.getApplicationContext().close();
    }

    // 4. At rest: what Slack got, and what the timeline says each replica claimed.
    List<ApiCall> posts = reminders(slack);
    Map<Long, Integer> perIncident = new HashMap<>();
    List<Long> lateness = new ArrayList<>();
    int failedPosts = 0;
    for (ApiCall call : posts) {
      Long incident = incidentOfChannel.get(call.params().get("channel"));
      if (incident == null || !due.containsKey(incident)) {
        continue;
      }
      if (!call.ok()) {
        failedPosts++;
        continue;
      }
      perIncident.merge(incident, 1, Integer::sum);
      lateness.add(call.atMillis() - due.get(incident).toEpochMilli());
    }
    int duplicates = perIncident.values().stream().mapToInt(n -> n - 1).sum();
    int missing = due.size() - perIncident.size();
    Claims claims = claims(db, due);
    long[] late = lateness.stream().mapToLong(Long::longValue).sorted().toArray();
    String markdown =
        markdown(
            tick,
            declare,
            built,
            late,
            duplicates,
            missing,
            failedPosts,
            claims,
            gcAfter[0] - gcBefore[0],
            gcAfter[1] - gcBefore[1],
            otherCpu,
            pgCpu);
    System.out.println();
    System.out.println(markdown);
    Path out = Path.of("target", "bench", "heartbeat-lateness.md");
    Files.createDirectories(out.getParent());
    Files.writeString(out, markdown, StandardCharsets.UTF_8);
    System.out.println("Written to " + out.toAbsolutePath());
  }

  /** The reminders posted so far, as Slack received them. */
  private static List<ApiCall> reminders(FakeSlack slack) {
    return slack.calls("chat.postMessage").stream()
        .filter(c -> REMINDER.equals(c.params().get("text")))
        .toList();
  }

  /** What the timeline recorded: one REMINDER entry per claimed due time. */
  private record Claims(int count, int duplicates, long[] lateness, Bursts bursts) {}

  /**
   * How the claims bunch up in time: each tick of a replica claims what is due in one burst. A
   * burst ends at a pause of more than {@link #BURST_GAP_MILLIS}.
   */
  private record Bursts(int count, long longestMillis, int mostClaims, long longestGapMillis) {

    static Bursts of(long[] claimedAtMillis) {
      long[] t = claimedAtMillis.clone();
      Arrays.sort(t);
      int count = 0;
      long longest = 0;
      int most = 0;
      long gap = 0;
      for (int i = 0, start = 0; i < t.length; i++) {
        boolean last = i == t.length - 1 || t[i + 1] - t[i] > BURST_GAP_MILLIS;
        if (i < t.length - 1) {
          gap = Math.max(gap, t[i + 1] - t[i]);
        }
        if (last) {
          count++;
          longest = Math.max(longest, t[i] - t[start]);
          most = Math.max(most, i - start + 1);
          start = i + 1;
        }
      }
      return new Bursts(count, longest, most, gap);
    }
  }

  private static final long BURST_GAP_MILLIS = 300;

  private static Claims claims(String db, Map<Long, Instant> due) throws Exception {
    ObjectMapper json = new ObjectMapper();
    Map<String, Integer> seen = new HashMap<>();
    List<Long> lateness = new ArrayList<>();
    List<Long> claimedAt = new ArrayList<>();
    try (Connection c = DriverManager.getConnection(db, "postgres", "");
        PreparedStatement q =
            c.prepareStatement(
                "SELECT incident_id, at, data FROM timeline_entry WHERE kind = 'REMINDER'");
        ResultSet rs = q.executeQuery()) {
      while (rs.next()) {
        long incident = rs.getLong(1);
        Instant at = rs.getObject(2, OffsetDateTime.class).toInstant();
        JsonNode data = json.readTree(rs.getString(3));
        Instant dueAt = Instant.parse(data.path("dueAt").asText());
        seen.merge(incident + "@" + dueAt, 1, Integer::sum);
        if (due.containsKey(incident)) {
          lateness.add(at.toEpochMilli() - due.get(incident).toEpochMilli());
          claimedAt.add(at.toEpochMilli());
        }
      }
    }
    int duplicates = seen.values().stream().mapToInt(n -> n - 1).sum();
    return new Claims(
        seen.values().stream().mapToInt(Integer::intValue).sum(),
        duplicates,
        lateness.stream().mapToLong(Long::longValue).sorted().toArray(),
        Bursts.of(claimedAt.stream().mapToLong(Long::longValue).toArray()));
  }

  private static void awaitRoomsBuilt(DataSource db) throws Exception {
    long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
    while (AckLatencyBench.backlog(db) > 0) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("war rooms still not built after 10 minutes");
      }
      Thread.sleep(200);
    }
  }

  /**
   * CPU time used so far by the PostgreSQL server listening on this port, in ns: the postmaster,
   * its running processes, and the backends that have exited (counted in the postmaster's children
   * times). 0 where there is no {@code /proc}.
   */
  private static long postgresCpuNanos(int port) {
    try (var procs = Files.list(Path.of("/proc"))) {
      String flag = "\0-p\0" + port + "\0";
      for (Path proc : procs.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
        String cmdline;
        try {
          cmdline = Files.readString(proc.resolve("cmdline"), StandardCharsets.ISO_8859_1);
        } catch (java.io.IOException gone) {
          continue;
        }
        if (cmdline.contains("postgres\0") && (cmdline + "\0").contains(flag)) {
          long pid = Long.parseLong(proc.getFileName().toString());
          long ticks = ticks(pid);
          for (ProcessHandle child :
              ProcessHandle.of(pid).map(h -> h.children().toList()).orElse(List.of())) {
            ticks += ticks(child.pid());
          }
          return ticks * 10_000_000L; // USER_HZ is 100
        }
      }
    } catch (java.io.IOException | RuntimeException e) {
      // not Linux
    }
    return 0;
  }

  /** utime + stime + cutime + cstime of a process, in clock ticks; 0 once it is gone. */
  private static long ticks(long pid) {
    try {
      String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
      String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      // f[0] is field 3 (state): utime, stime, cutime, cstime are fields 14-17.
      return Long.parseLong(f[11])
          + Long.parseLong(f[12])
          + Long.parseLong(f[13])
          + Long.parseLong(f[14]);
    } catch (java.io.IOException | RuntimeException gone) {
      return 0;
    }
  }

  /** Nearest-rank percentile of sorted values. */
  private static long percentile(long[] sorted, double p) {
    if (sorted.length == 0) {
      return -1;
    }
    int rank = (int) Math.ceil(p / 100 * sorted.length);
    return sorted[Math.max(rank - 1, 0)];
  }

  private static String markdown(
      Duration tick,
      Duration declare,
      Duration built,
      long[] late,
      int duplicates,
      int missing,
      int failedPosts,
      Claims claims,
      long gcCount,
      long gcMillis,
      double otherCpu,
      double pgCpu) {
    long goalMillis = tick.toMillis() + 1000;
    long max = late.length == 0 ? -1 : late[late.length - 1];
    boolean met =
        late.length > 0
            && max <= goalMillis
            && duplicates == 0
            && claims.duplicates() == 0
            && missing == 0;
    StringBuilder md = new StringBuilder();
    md.append(
        String.format(
            Locale.ROOT,
            "# Heartbeat lateness (%s, %d cores, Java %s)%n%n"
                + "Two replicas on one PostgreSQL, scheduler tick %s. %,d SEV1 incidents declared"
                + " (%.1f s), their war rooms built (%.1f s more); then their first reminders"
                + " were set due %d s later, spread evenly over %d s. Lateness is the time the"
                + " reminder's `chat.postMessage` reached Slack minus its due time; claimed is the"
                + " time of the timeline's REMINDER entry, written when a replica claimed the due"
                + " time. Times in ms.%n%n",
            LocalDate.now(),
            Runtime.getRuntime().availableProcessors(),
            System.getProperty("java.version"),
            TICK,
            INCIDENTS,
            declare.toMillis() / 1000.0,
            built.toMillis() / 1000.0,
            LEAD_SECONDS,
            SPREAD_SECONDS));
    md.append("| lateness | median | p99 | max | reminders |\n|---|---|---|---|---|\n");
    md.append(
        String.format(
            Locale.ROOT,
            "| posted to Slack | %d | %d | %d | %,d |%n",
            percentile(late, 50),
            percentile(late, 99),
            max,
            late.length));
    md.append(
        String.format(
            Locale.ROOT,
            "| claimed (timeline) | %d | %d | %d | %,d |%n%n",
            percentile(claims.lateness(), 50),
            percentile(claims.lateness(), 99),
            percentile(claims.lateness(), 100),
            claims.count()));
    md.append(
        "| duplicates in Slack | duplicates in timeline | missing | failed posts | GC pauses | PostgreSQL CPU | other CPU | goal |\n");
    md.append("|---|---|---|---|---|---|---|---|\n");
    md.append(
        String.format(
            Locale.ROOT,
            "| %d | %d | %d | %d | %d in %d ms | %.0f%% | %.0f%% | %s (max ≤ tick + 1 s = %d ms, 0 duplicates) |%n",
            duplicates,
            claims.duplicates(),
            missing,
            failedPosts,
            gcCount,
            gcMillis,
            pgCpu * 100,
            otherCpu * 100,
            met ? "met" : "**missed**",
            goalMillis));
    Bursts b = claims.bursts();
    md.append(
        String.format(
            Locale.ROOT,
            "%nThe claims came in %d bursts (pauses over %d ms between them): the longest burst"
                + " took %d ms, the largest had %d claims, and the longest pause between two"
                + " claims was %d ms.%n",
            b.count(),
            BURST_GAP_MILLIS,
            b.longestMillis(),
            b.mostClaims(),
            b.longestGapMillis()));
    if (otherCpu > 0.10) {
      md.append("\nOther processes took more than 10% of the CPU meanwhile: rerun when the")
          .append(" machine is quiet.\n");
    }
    return md.toString();
  }
}
