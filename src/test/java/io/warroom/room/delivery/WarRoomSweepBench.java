package io.warroom.room.delivery;

import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.warroom.bench.AckLatencyBench;
import io.warroom.fakeslack.FakeSlack;
import io.warroom.room.WarRoomRepository;
import io.warroom.support.TestApp;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import javax.sql.DataSource;

/**
 * What the delivery sweep costs as rooms pile up over the years: the full look for any room with
 * work ({@link WarRoomRepository#findNeedingWork}, every {@code warroom.delivery.full-sweep}) and
 * the frequent look for rooms whose back-off has passed ({@link WarRoomRepository#findRetriesDue},
 * every second), on the default H2 file database. The rooms are built and caught up, each with ten
 * delivered posts, and two of them wait to retry a failure. Between two timed queries the benchmark
 * changes one room, as production does all the time, so that H2 cannot answer from its cache of the
 * last result. It lives in this package because the repository is the package's own.
 */
public final class WarRoomSweepBench {

  private static final int[] ROOMS = {1_000, 5_000, 20_000};
  private static final int RUNS = 60;
  private static final int POSTS_PER_ROOM = 10;

  public static void main(String[] args) throws Exception {
    if (!AckLatencyBench.selected("sweep")) {
      return;
    }
    Path dir = Files.createTempDirectory("warroom-sweep-bench");
    String url =
        "jdbc:h2:file:"
            + dir.resolve("warroom")
            + AckLatencyBench.H2_OPTIONS
            + ";DB_CLOSE_ON_EXIT=FALSE";
    StringBuilder md = new StringBuilder();
    md.append(
        String.format(
            Locale.ROOT,
            "# War-room sweep (%d cores, Java %s)%n%nOne query of each kind, %d times per size, with"
                + " a change to one room before each; ms.%n%n"
                + "| rooms | full sweep median | p90 | retry sweep median | p90 |%n"
                + "|---|---|---|---|---|%n",
            Runtime.getRuntime().availableProcessors(),
            System.getProperty("java.version"),
            RUNS));
    try (FakeSlack slack = FakeSlack.start(TestApp.BOT_TOKEN, TestApp.SIGNING_SECRET);
        TestApp app =
            TestApp.start(
                slack,
                url,
                Map.of("warroom.delivery.sweep", "1h", "warroom.delivery.full-sweep", "1h"))) {
      WarRoomRepository rooms = app.bean(WarRoomRepository.class);
      DataSource db = DelegatingDataSource.unwrapDataSource(app.bean(DataSource.class));
      int filled = 0;
      for (int size : ROOMS) {
        fill(db, filled, size);
        filled = size;
        double[] full = time(db, () -> rooms.findNeedingWork().size(), 2);
        double[] retries = time(db, () -> rooms.findRetriesDue().size(), 2);
        String row =
            String.format(
                Locale.ROOT,
                "| %,d | %.2f | %.2f | %.3f | %.3f |%n",
                size,
                full[0],
                full[1],
                retries[0],
                retries[1]);
        System.out.print(row);
        md.append(row);
      }
    } finally {
      AckLatencyBench.deleteTree(dir);
    }
    Path out = Path.of("target", "bench", "war-room-sweep.md");
    Files.createDirectories(out.getParent());
    Files.writeString(out, md.toString(), StandardCharsets.UTF_8);
    System.out.println("Written to " + out.toAbsolutePath());
  }

  /** Median and p90 in ms; checks that each query finds the {@code expected} rooms with work. */
  private static double[] time(DataSource db, Supplier<Integer> query, int expected)
      throws Exception {
    for (int i = 0; i < 10; i++) {
      query.get(); // warm-up
    }
    long[] nanos = new long[RUNS];
    try (Connection c = db.getConnection();
        PreparedStatement change =
            c.prepareStatement("UPDATE war_room SET invited = ? WHERE incident_id = 1")) {
      for (int r = 0; r < RUNS; r++) {
        change.setString(1, "U" + r);
        change.executeUpdate();
        long started = System.nanoTime();
        int found = query.get();
        nanos[r] = System.nanoTime() - started;
        if (found != expected) {
          throw new IllegalStateException("found " + found + " rooms with work, not " + expected);
        }
      }
    }
    Arrays.sort(nanos);
    return new double[] {nanos[RUNS / 2] / 1e6, nanos[RUNS * 9 / 10] / 1e6};
  }

  /**
   * Adds built rooms up to {@code to}, caught up but the first two: their card is behind, and they
   * wait to retry a failure.
   */
  private static void fill(DataSource db, int from, int to) throws Exception {
    Timestamp now = Timestamp.from(Instant.now());
    try (Connection c = db.getConnection()) {
      c.setAutoCommit(false);
      try (PreparedStatement incident =
              c.prepareStatement(
                  "INSERT INTO incident (request_key, title, severity, status, is_private, drill,"
                      + " declared_by, declared_at, revision, in_intake)"
                      + " VALUES (?, ?, 'SEV2', 'RESOLVED', FALSE, FALSE, 'U1', ?, 5, FALSE)",
                  Statement.RETURN_GENERATED_KEYS);
          PreparedStatement room =
              c.prepareStatement(
                  "INSERT INTO war_room (incident_id, channel_base, channel_id, channel_name,"
                      + " synced_revision, card_ts, thread_ts, retry_at, failures)"
                      + " VALUES (?, ?, ?, ?, ?, '1.1', '1.2', ?, ?)");
          PreparedStatement post =
              c.prepareStatement(
                  "INSERT INTO outbox (incident_id, channel_id, kind, body, created_at,"
                      + " delivered_at, ts) VALUES (?, ?, 'NOTE', '{}', ?, ?, '1.3')")) {
        for (int i = from; i < to; i++) {
          incident.setString(1, "bench-" + i);
          incident.setString(2, "Incident " + i);
          incident.setTimestamp(3, now);
          incident.executeUpdate();
          long id;
          try (ResultSet keys = incident.getGeneratedKeys()) {
            keys.next();
            id = keys.getLong(1);
          }
          boolean failed = i < 2;
          room.setLong(1, id);
          room.setString(2, "inc-" + i);
          room.setString(3, "C" + i);
          room.setString(4, "inc-" + i);
          room.setInt(5, failed ? 4 : 5); // a failed room's card is behind the incident
          room.setTimestamp(6, failed ? Timestamp.from(Instant.now().minusSeconds(5)) : null);
          room.setInt(7, failed ? 1 : 0);
          room.executeUpdate();
          for (int p = 0; p < POSTS_PER_ROOM; p++) {
            post.setLong(1, id);
            post.setString(2, "C" + i);
            post.setTimestamp(3, now);
            post.setTimestamp(4, now);
            post.addBatch();
          }
          post.executeBatch();
          if (i % 500 == 0) {
            c.commit();
          }
        }
      }
      c.commit();
    }
  }
}
