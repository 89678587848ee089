package io.warroom.once;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.warroom.fakeslack.FakeSlack;
import io.warroom.support.Postgres;
import io.warroom.support.TestApp;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The ids that keep a resubmitted modal, a replayed request or a redelivered event from acting
 * twice are forgotten once Slack can no longer send them again, and not before: on H2, and on
 * PostgreSQL, which replicas share. Kinds are namespaces of their own.
 */
class HandledOnceJanitorTest {

  @Test
  void onH2ForgetsKeysOlderThanThreeDaysAndKeepsTheRest() {
    try (TestApp app = TestApp.start()) {
      forgetsOldKeysOnly(app);
    }
  }

  @Test
  void onPostgresForgetsKeysOlderThanThreeDaysAndKeepsTheRest() throws Exception {
    FakeSlack slack = FakeSlack.start(TestApp.BOT_TOKEN, TestApp.SIGNING_SECRET);
    try (TestApp app = TestApp.start(slack, Postgres.newDatabase(), Map.of())) {
      forgetsOldKeysOnly(app);
    }
  }

  private static void forgetsOldKeysOnly(TestApp app) {
    HandledOnceRepository handled = app.bean(HandledOnceRepository.class);
    Instant now = Instant.now();
    String old = Once.REQUEST.key("update-view:V-old");
    String recent = Once.REQUEST.key("update-view:V-recent");
    String oldEvent = Once.EVENT.key("EvOLD");
    assertEquals(1, handled.claim(old, now.minus(Duration.ofDays(4))));
    assertEquals(1, handled.claim(recent, now.minus(Duration.ofDays(2))));
    assertEquals(1, handled.claim(oldEvent, now.minus(Duration.ofDays(4))));

    app.bean(HandledOnceJanitor.class).forgetOld();

    assertEquals(1, handled.claim(old, now), "forgotten: claimable again");
    assertEquals(1, handled.claim(oldEvent, now), "forgotten: claimable again");
    assertEquals(0, handled.claim(recent, now), "kept: still handled");

    OnceLedger ledger = app.bean(OnceLedger.class);
    assertEquals(true, ledger.firstTime(Once.EVENT, "update-view:V-recent"), "its own namespace");
    assertEquals(false, ledger.firstTime(Once.REQUEST, "update-view:V-recent"));
  }
}
