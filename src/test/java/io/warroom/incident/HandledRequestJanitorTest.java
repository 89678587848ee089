package io.warroom.incident;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.warroom.fakeslack.FakeSlack;
import io.warroom.support.Postgres;
import io.warroom.support.TestApp;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The keys that keep a resubmitted modal from acting twice are forgotten once Slack can no longer
 * resend it, and not before: on H2, and on PostgreSQL, which replicas share.
 */
class HandledRequestJanitorTest {

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
    HandledRequestRepository handled = app.bean(HandledRequestRepository.class);
    Instant now = Instant.now();
    assertEquals(1, handled.claim("update-view:V-old", now.minus(Duration.ofDays(4))));
    assertEquals(1, handled.claim("update-view:V-recent", now.minus(Duration.ofDays(2))));

    app.bean(HandledRequestJanitor.class).forgetOldRequests();

    assertEquals(1, handled.claim("update-view:V-old", now), "forgotten: claimable again");
    assertEquals(0, handled.claim("update-view:V-recent", now), "kept: still handled");
  }
}
