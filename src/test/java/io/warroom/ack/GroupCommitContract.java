package io.warroom.ack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.transaction.TransactionOperations;
import io.warroom.fakeslack.FakeSlack;
import io.warroom.support.Async;
import io.warroom.support.TestApp;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Group commit on each database: a burst shares a transaction, every caller's write is stored
 * before it returns, and one bad write fails alone. One committer, so that the batches are
 * predictable: a write that blocks holds the committer while the others queue up behind it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class GroupCommitContract {

  private TestApp app;
  private GroupCommit group;
  private TransactionOperations<Connection> tx;
  private final Set<String> begun = ConcurrentHashMap.newKeySet();

  abstract String jdbcUrl();

  @BeforeAll
  @SuppressWarnings("unchecked")
  void start() {
    app =
        TestApp.start(
            FakeSlack.start(TestApp.BOT_TOKEN, TestApp.SIGNING_SECRET),
            jdbcUrl(),
            Map.of("warroom.storage.committers", 1));
    group = app.bean(GroupCommit.class);
    tx = app.bean(TransactionOperations.class);
  }

  @AfterAll
  void stop() {
    app.close();
  }

  @Test
  void aBurstSharesOneTransactionAndEveryWriteIsStoredBeforeItReturns() throws Exception {
    String prefix = UUID.randomUUID().toString().substring(0, 8);
    CountDownLatch release = new CountDownLatch(1);
    long before = group.transactions();
    CompletableFuture<String> blocker =
        Async.run(() -> group.write(() -> insertAfter(release, prefix + "-first")));
    TestApp.await("the first write to hold the committer", () -> begun.contains(prefix + "-first"));
    List<CompletableFuture<Boolean>> burst = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      String id = prefix + String.format("-%02d", i);
      burst.add(
          Async.run(
              () -> {
                group.write(() -> insert(id));
                return committed(id); // from another connection
              }));
    }
    TestApp.await("the burst to queue", () -> group.queued() == 20);
    release.countDown();
    blocker.get(10, TimeUnit.SECONDS);
    for (CompletableFuture<Boolean> f : burst) {
      assertTrue(f.get(10, TimeUnit.SECONDS), "stored and committed before write returned");
    }
    assertEquals(21, count(prefix));
    assertEquals(2, group.transactions() - before, "the first write, then the burst of 20");
  }

  @Test
  void aFailingWriteFailsAloneAndTheOthersInItsBatchAreStored() throws Exception {
    String prefix = UUID.randomUUID().toString().substring(0, 8);
    group.write(() -> insert(prefix + "-taken"));
    CountDownLatch release = new CountDownLatch(1);
    CompletableFuture<String> blocker =
        Async.run(() -> group.write(() -> insertAfter(release, prefix + "-first")));
    TestApp.await("the first write to hold the committer", () -> begun.contains(prefix + "-first"));
    List<CompletableFuture<String>> burst = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      String id = i == 5 ? prefix + "-taken" : prefix + String.format("-%02d", i);
      burst.add(Async.run(() -> group.write(() -> insert(id))));
    }
    TestApp.await("the burst to queue", () -> group.queued() == 10);
    release.countDown();
    blocker.get(10, TimeUnit.SECONDS);
    for (int i = 0; i < 10; i++) {
      if (i == 5) {
        CompletableFuture<String> dup = burst.get(i);
        ExecutionException e =
            assertThrows(ExecutionException.class, () -> dup.get(10, TimeUnit.SECONDS));
        assertTrue(e.getCause() instanceof RuntimeException, e.getCause().toString());
      } else {
        assertEquals(prefix + String.format("-%02d", i), burst.get(i).get(10, TimeUnit.SECONDS));
      }
    }
    assertEquals(11, count(prefix), "taken, first and the nine good ones");
  }

  @Test
  void aWriteWhosePatienceRunsOutBeforeItBeginsIsNeverWritten() throws Exception {
    String prefix = UUID.randomUUID().toString().substring(0, 8);
    CountDownLatch release = new CountDownLatch(1);
    CompletableFuture<String> blocker =
        Async.run(() -> group.write(() -> insertAfter(release, prefix + "-first")));
    TestApp.await("the first write to hold the committer", () -> begun.contains(prefix + "-first"));

    GroupCommit.TooLate late =
        assertThrows(
            GroupCommit.TooLate.class,
            () -> group.write(() -> insert(prefix + "-late"), Duration.ofMillis(300)));
    assertFalse(late.maybeWritten(), "withdrawn before it began");

    release.countDown();
    blocker.get(10, TimeUnit.SECONDS);
    group.write(() -> insert(prefix + "-after")); // through the committer, after the withdrawn one
    assertEquals(0, count(prefix + "-late"), "never written");
    assertEquals(2, count(prefix));
  }

  @Test
  void aWriteThatHasBegunWhenPatienceRunsOutMayStillBeCommitted() throws Exception {
    String id = UUID.randomUUID().toString();
    CountDownLatch release = new CountDownLatch(1);
    GroupCommit.TooLate late =
        assertThrows(
            GroupCommit.TooLate.class,
            () -> group.write(() -> insertAfter(release, id), Duration.ofMillis(300)));
    assertTrue(late.maybeWritten(), "it had begun");
    release.countDown();
    TestApp.await("committed all the same", () -> committed(id));
  }

  @Test
  void aCallerInATransactionWritesInItAtOnce() {
    String id = UUID.randomUUID().toString();
    boolean seen =
        tx.executeWrite(
            status -> {
              insert(id + "-outer");
              group.write(() -> insert(id + "-inner"));
              return count(id) == 2; // this transaction sees both
            });
    assertTrue(seen, "the inner write ran in the caller's transaction");
    assertEquals(2, count(id));
    tx.executeWrite(
        status -> {
          try {
            group.write(
                () -> {
                  insert(id + "-rolled-back");
                  throw new IllegalStateException("the caller's transaction fails");
                });
          } catch (IllegalStateException expected) {
            status.setRollbackOnly();
          }
          return null;
        });
    assertEquals(2, count(id), "rolled back with the caller's transaction");
  }

  /** Inserts, then holds the committer (inside its transaction) until released. */
  private String insertAfter(CountDownLatch release, String id) {
    insert(id);
    begun.add(id);
    try {
      release.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return id;
  }

  private String insert(String id) {
    try (PreparedStatement s =
        tx.getConnection()
            .prepareStatement("INSERT INTO handled_once (once_key, handled_at) VALUES (?, ?)")) {
      s.setString(1, id);
      s.setObject(2, OffsetDateTime.now());
      s.executeUpdate();
      return id;
    } catch (SQLException e) {
      throw new IllegalStateException(e.getMessage(), e);
    }
  }

  /** Outside a transaction: whether the id is committed. */
  private boolean committed(String id) {
    return count(id) == 1;
  }

  private int count(String prefix) {
    return tx.executeRead(
        status -> {
          try (PreparedStatement s =
              status
                  .getConnection()
                  .prepareStatement("SELECT COUNT(*) FROM handled_once WHERE once_key LIKE ?")) {
            s.setString(1, prefix + "%");
            try (ResultSet r = s.executeQuery()) {
              r.next();
              return r.getInt(1);
            }
          } catch (SQLException e) {
            throw new IllegalStateException(e);
          }
        });
  }
}
