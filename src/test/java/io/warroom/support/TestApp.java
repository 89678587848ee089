package io.warroom.support;

import io.micronaut.context.ApplicationContext;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.runtime.server.EmbeddedServer;
import io.warroom.fakeslack.FakeSlack;
import java.net.URI;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import javax.sql.DataSource;

/**
 * Warroom running for real against a fake Slack: an embedded server on a free port, its own
 * database, and the fake workspace pointed at {@code /slack/events}. Requests are really signed and
 * Web API calls really go over HTTP.
 */
public final class TestApp implements AutoCloseable {

  public static final String BOT_TOKEN = "xoxb-test-bot-token";
  public static final String SIGNING_SECRET = "test-signing-secret-8f742231b10e";

  public final FakeSlack slack;
  public final ApplicationContext context;
  public final EmbeddedServer server;

  /** The database, for tests that need to reach it directly (e.g. to let a week pass). */
  public final String jdbcUrl;

  private TestApp(FakeSlack slack, EmbeddedServer server, String jdbcUrl) {
    this.slack = slack;
    this.server = server;
    this.jdbcUrl = jdbcUrl;
    this.context = server.getApplicationContext();
  }

  /** A fresh fake Slack and a Warroom with its own in-memory database. */
  public static TestApp start(Map<String, Object> extra) {
    FakeSlack slack = FakeSlack.start(BOT_TOKEN, SIGNING_SECRET);
    return start(slack, inMemoryDatabase(), extra);
  }

  public static TestApp start() {
    return start(Map.of());
  }

  /** Another Warroom on the given fake Slack and database (a restart, or a second replica). */
  public static TestApp start(FakeSlack slack, String jdbcUrl, Map<String, Object> extra) {
    Map<String, Object> props = new HashMap<>();
    props.put("micronaut.server.port", -1);
    props.put("datasources.default.url", jdbcUrl);
    props.put("datasources.default.username", jdbcUrl.startsWith("jdbc:h2") ? "sa" : "postgres");
    props.put("datasources.default.password", "");
    props.put("slack.bot-token", BOT_TOKEN);
    props.put("slack.signing-secret", SIGNING_SECRET);
    props.put("slack.api-url", slack.apiUrl());
    props.put("slack.http-timeout", "2s");
    props.put("slack.strict-responses", true);
    props.put("warroom.delivery.sweep", "200ms");
    props.put("warroom.intake.sweep", "200ms");
    props.put("warroom.timeline.early-pin-sweep", "200ms");
    props.put("warroom.delivery.first-backoff", "200ms");
    // Tests assert each command's own answer. A machine short of CPU (hypervisor steal up to 77%
    // was seen) can take longer than the production 2 s to run one, which would then answer "still
    // being done" or, if it had not begun, withdraw it; SlowDatabaseTest covers the 2 s.
    props.put("warroom.commands.patience", "8s");
    // The fake Slack has no rate limits unless a test switches them on (FakeSlack.rateLimits), and
    // then it switches Warroom's pacing on too (slack.pacing: true, as in production).
    props.put("slack.pacing", false);
    props.putAll(extra);
    EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, props, "test");
    slack.connect(URI.create("http://127.0.0.1:" + server.getPort() + "/slack/events"));
    return new TestApp(slack, server, jdbcUrl);
  }

  public static String inMemoryDatabase() {
    return "jdbc:h2:mem:t"
        + UUID.randomUUID().toString().replace("-", "")
        + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1;DB_CLOSE_ON_EXIT=FALSE";
  }

  public <T> T bean(Class<T> type) {
    return context.getBean(type);
  }

  public URI url(String path) {
    return URI.create("http://127.0.0.1:" + server.getPort() + path);
  }

  /** Waits until the condition holds, failing the test after {@code max}. */
  public static void await(String what, Duration max, BooleanSupplier condition) {
    long until = System.nanoTime() + max.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > until) {
        throw new AssertionError("Timed out after " + max.toMillis() + " ms waiting for " + what);
      }
      try {
        Thread.sleep(20); // the poll interval of the wait
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }

  public static void await(String what, BooleanSupplier condition) {
    await(what, Duration.ofSeconds(10), condition);
  }

  /**
   * Asserts that the condition holds throughout {@code window}, failing the moment it does not: the
   * check that nothing more happens (a duplicate post, a stray call, an early reminder) once what
   * could cause it had its chance. The window is time given to a wrong outcome on purpose; to wait
   * for a right one, use {@link #await}.
   */
  public static void holds(String what, Duration window, BooleanSupplier condition) {
    long until = System.nanoTime() + window.toNanos();
    do {
      if (!condition.getAsBoolean()) {
        throw new AssertionError("No longer true: " + what);
      }
      try {
        Thread.sleep(20); // the poll interval of the check
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    } while (System.nanoTime() < until);
    if (!condition.getAsBoolean()) {
      throw new AssertionError("No longer true: " + what);
    }
  }

  /**
   * Waits until no war room has work left or a pass under way (no channel yet, a card behind its
   * incident, a queued post, a lease held): what earlier steps set in motion is done, so a check
   * that a command posted nothing sees only what that command did.
   */
  public void awaitSettled() {
    DataSource db = DelegatingDataSource.unwrapDataSource(bean(DataSource.class));
    await("every war room settled", () -> busyRooms(db) == 0);
  }

  private static int busyRooms(DataSource db) {
    try (Connection c = db.getConnection();
        Statement st = c.createStatement();
        ResultSet rs =
            st.executeQuery(
                "SELECT COUNT(*) FROM war_room w JOIN incident i ON i.id = w.incident_id"
                    + " WHERE w.channel_id IS NULL OR w.synced_revision < i.revision"
                    + " OR w.lease_owner IS NOT NULL"
                    + " OR EXISTS (SELECT 1 FROM outbox o WHERE o.incident_id = w.incident_id"
                    + " AND o.delivered_at IS NULL)")) {
      rs.next();
      return rs.getInt(1);
    } catch (SQLException e) {
      throw new AssertionError(e);
    }
  }

  /** Stops Warroom, leaving the fake Slack running. */
  public void stopApp() {
    server.stop();
    context.close();
  }

  @Override
  public void close() {
    if (context.isRunning()) {
      stopApp();
    }
    slack.close();
  }
}
