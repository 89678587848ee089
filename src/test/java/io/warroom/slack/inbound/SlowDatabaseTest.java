package io.warroom.slack.inbound;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariDataSource;
import io.warroom.fakeslack.AppLink;
import io.warroom.fakeslack.FakeSlack;
import io.warroom.slack.SlackIds;
import io.warroom.support.Room;
import io.warroom.support.TestApp;
import io.warroom.support.Whispers;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A database that does not answer in time (here: every pooled connection is taken). Slack shows the
 * user an error after 3 s, and a user who sees one types the command again; so commands must answer
 * in time and say what happened.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SlowDatabaseTest {

  private static final int POOL = 3;

  /** How long the database may be held up in a test: well past Slack's 3 s, below Hikari's wait. */
  private static final Duration HOLD = Duration.ofSeconds(6);

  private FakeSlack slack;
  private TestApp app;
  private String alice;
  private String general;

  @BeforeAll
  void start() {
    slack = FakeSlack.start(TestApp.BOT_TOKEN, TestApp.SIGNING_SECRET);
    alice = slack.user("alice");
    general = slack.channel("general", false, alice, alice);
    app =
        TestApp.start(
            slack,
            TestApp.inMemoryDatabase(),
            Map.of(
                "datasources.default.maximum-pool-size",
                POOL,
                "datasources.default.connection-timeout",
                10_000,
                // One thread for commands that wait for the database, so a second one queues.
                "warroom.commands.threads",
                1,
                // Production's, which TestApp lengthens for other tests.
                "warroom.commands.patience",
                "2s"));
  }

  @AfterAll
  void stop() {
    app.close();
  }

  @Test
  void aDeclarationTheDatabaseCannotTakeInTimeIsRefusedInTimeAndNeverAppears() throws Exception {
    // Warm: the first request of a fresh JVM loads much of Bolt, which is not what is measured.
    slack.app().command(alice, general, "help");
    HikariDataSource pool = app.bean(DataSource.class).unwrap(HikariDataSource.class);
    List<Connection> held = new ArrayList<>();
    AppLink.Reply reply;
    long ackMillis;
    try {
      for (int i = 0; i < POOL; i++) {
        held.add(pool.getConnection());
      }
      long started = System.nanoTime();
      reply = slack.app().command(alice, general, "declare sev1 Orders database down");
      ackMillis = (System.nanoTime() - started) / 1_000_000;
    } finally {
      for (Connection c : held) {
        c.close();
      }
    }

    assertEquals(200, reply.status());
    assertTrue(ackMillis < 3000, "answered in " + ackMillis + " ms, before Slack gives up");
    assertTrue(reply.text().contains("nothing was declared"), reply.text());
    assertTrue(reply.text().contains("Declare again"), reply.text());

    // The database is back; the withdrawn declaration must not turn up late.
    AppLink.Reply again = slack.app().command(alice, general, "declare sev1 Checkout down");
    assertTrue(again.text().contains("Declared"), again.text());
    Room.awaitContaining(slack, "checkout-down");
    assertFalse(
        slack.channelNames().stream().anyMatch(n -> n.contains("orders-database-down")),
        slack.channelNames().toString());
    assertEquals(0, incidents("Orders database down"), "the withdrawn declaration");
    assertEquals(1, incidents("Checkout down"));
  }

  /**
   * The database is held until both commands are answered, at most {@link #HOLD}: an update that
   * has begun is answered before its work is done, told it is under way, and confirmed later, once;
   * a note that could not begin in time is never done.
   */
  @Test
  void aCommandTheDatabaseKeepsWaitingIsAnsweredInTimeAndDoneOnceOrNotAtAll() throws Exception {
    slack.app().command(alice, general, "declare sev2 Search results stale");
    Room room = Room.awaitContaining(slack, "search-results-stale");
    int whispers = Whispers.count(slack, alice);
    HikariDataSource pool = app.bean(DataSource.class).unwrap(HikariDataSource.class);
    List<Connection> held = new ArrayList<>();
    for (int i = 0; i < POOL; i++) {
      held.add(pool.getConnection());
    }
    ExecutorService senders = Executors.newFixedThreadPool(2);
    Timed updated;
    Timed noted;
    try {
      long release = System.nanoTime() + HOLD.toNanos();
      Future<Timed> update =
          senders.submit(() -> timed(room, "update Reindexing from the snapshot"));
      // The update takes the one command thread first, and waits there for a connection.
      CommandDeadline deadline = app.bean(CommandDeadline.class);
      TestApp.await(
          "the update holding the command thread",
          Duration.ofSeconds(2),
          () -> deadline.busyThreads() > 0);
      Future<Timed> note = senders.submit(() -> timed(room, "note Checked the indexer dashboards"));
      // Both are answered while the database still holds them up.
      updated = answeredBefore(release, update, "the update");
      noted = answeredBefore(release, note, "the note");
    } finally {
      for (Connection c : held) {
        c.close();
      }
      senders.shutdown();
    }

    // Each answer took the 2 s deadline plus the request's own handling, well within Slack's 3 s
    // here; only the order is asserted, as a machine short of CPU stretches the handling.
    assertTrue(
        updated.reply.text().contains("still being done"),
        updated.millis + " ms: " + updated.reply.text());
    assertTrue(
        noted.reply.text().contains("was not done and nothing changed"),
        noted.millis + " ms: " + noted.reply.text());

    // The update's own answer follows, and the update is posted once.
    Whispers.awaitNew(slack, alice, whispers, "Update posted");
    TestApp.await(
        "the update in the room",
        () -> !room.botPostsContaining("Reindexing from the snapshot").isEmpty());
    // A command after it runs on the same thread, so the withdrawn note would have run by now.
    AppLink.Reply later = slack.app().command(alice, room.id, "note Indexer caught up");
    assertTrue(later.text().contains("Noted"), later.text());
    assertEquals(1, room.botPostsContaining("Reindexing from the snapshot").size());
    assertEquals(1, timelineEntries("Indexer caught up"));
    assertEquals(0, timelineEntries("Checked the indexer dashboards"), "the withdrawn note");
  }

  /**
   * Slack ignores a modal's answer after 3 s (the database takes {@link #HOLD} here) and keeps it
   * open, so the user submits it again: the update the late first submission posted is not posted a
   * second time.
   */
  @Test
  void aStatusUpdateSubmittedAgainAfterALateAnswerIsPostedOnce() throws Exception {
    slack.app().command(alice, general, "declare sev2 Cache stampede");
    Room room = Room.awaitContaining(slack, "cache-stampede");
    slack.app().command(alice, room.id, "update");
    TestApp.await("the Status Update modal", () -> updateModal().isPresent());
    String view = updateModal().orElseThrow();
    Map<String, String> form =
        Map.of(
            SlackIds.UPDATE_STATUS,
            "IDENTIFIED",
            SlackIds.UPDATE_IMPACT,
            "Product pages slow for everyone",
            SlackIds.UPDATE_NEXT_IN,
            "30");
    HikariDataSource pool = app.bean(DataSource.class).unwrap(HikariDataSource.class);
    List<Connection> held = new ArrayList<>();
    for (int i = 0; i < POOL; i++) {
      held.add(pool.getConnection());
    }
    Thread release =
        new Thread(
            () -> {
              try {
                Thread.sleep(HOLD.toMillis()); // well past Slack's 3 s, also on a slow machine
                for (Connection c : held) {
                  c.close();
                }
              } catch (Exception e) {
                throw new IllegalStateException(e);
              }
            });
    release.start();
    slack.app().submit(alice, view, form);
    release.join();
    assertTrue(updateModal().isPresent(), "Slack gave up on the late answer: the modal is open");

    AppLink.Reply again = slack.app().submit(alice, view, form);
    assertEquals(200, again.status());
    assertFalse(again.body().contains("errors"), again.body());
    assertTrue(updateModal().isEmpty(), "the second answer closes the modal");
    TestApp.await(
        "the update in the room",
        () -> !room.botPostsContaining("Product pages slow for everyone").isEmpty());
    // Both submissions are answered; anything the second posted would be queued by now.
    AppLink.Reply later = slack.app().command(alice, room.id, "note Stampede over");
    assertTrue(later.text().contains("Noted"), later.text());
    TestApp.await(
        "the note in the room", () -> !room.botPostsContaining("Stampede over").isEmpty());
    assertEquals(1, room.botPostsContaining("Product pages slow for everyone").size());
  }

  private java.util.Optional<String> updateModal() {
    return slack.modals(alice).stream()
        .filter(m -> m.open() && m.callbackId().equals(SlackIds.UPDATE_VIEW))
        .map(m -> m.id())
        .findFirst();
  }

  private static Timed answeredBefore(long nanoTime, Future<Timed> reply, String what)
      throws Exception {
    try {
      return reply.get(nanoTime - System.nanoTime(), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      throw new AssertionError(what + " was not answered while the database held it up", e);
    }
  }

  private record Timed(AppLink.Reply reply, long millis) {}

  private Timed timed(Room room, String command) {
    long started = System.nanoTime();
    AppLink.Reply reply = slack.app().command(alice, room.id, command);
    return new Timed(reply, (System.nanoTime() - started) / 1_000_000);
  }

  private int incidents(String title) throws Exception {
    return count("SELECT COUNT(*) FROM incident WHERE title = ?", title);
  }

  private int timelineEntries(String containing) throws Exception {
    return count("SELECT COUNT(*) FROM timeline_entry WHERE text LIKE ?", "%" + containing + "%");
  }

  private int count(String sql, String parameter) throws Exception {
    try (Connection db = DriverManager.getConnection(app.jdbcUrl, "sa", "");
        PreparedStatement query = db.prepareStatement(sql)) {
      query.setString(1, parameter);
      try (ResultSet r = query.executeQuery()) {
        r.next();
        return r.getInt(1);
      }
    }
  }
}
