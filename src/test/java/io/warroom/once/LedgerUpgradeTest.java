package io.warroom.once;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.warroom.fakeslack.FakeSlack;
import io.warroom.support.Postgres;
import io.warroom.support.TestApp;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;
import org.junit.jupiter.api.Test;

/**
 * Upgrading to the one ledger (V70) keeps what the two old tables knew: a request or an event
 * handled just before the upgrade and sent again by Slack just after it is still refused, on H2 and
 * on PostgreSQL.
 */
class LedgerUpgradeTest {

  @Test
  void onH2WhatWasHandledBeforeTheUpgradeIsNotHandledAgain() throws Exception {
    keepsWhatWasHandled(TestApp.inMemoryDatabase(), "sa");
  }

  @Test
  void onPostgresWhatWasHandledBeforeTheUpgradeIsNotHandledAgain() throws Exception {
    keepsWhatWasHandled(Postgres.newDatabase(), "postgres");
  }

  private static void keepsWhatWasHandled(String url, String user) throws SQLException {
    // The database as the release before the ledger left it: every migration below V70.
    Flyway all = Flyway.configure().dataSource(url, user, "").load();
    MigrationVersion before =
        Arrays.stream(all.info().all())
            .map(MigrationInfo::getVersion)
            .filter(v -> v.compareTo(MigrationVersion.fromVersion("70")) < 0)
            .max(MigrationVersion::compareTo)
            .orElseThrow();
    Flyway.configure().dataSource(url, user, "").target(before).load().migrate();
    try (Connection c = DriverManager.getConnection(url, user, "")) {
      insert(c, "INSERT INTO handled_request (request_key, handled_at) VALUES (?, ?)", "sig:v0=ab");
      insert(c, "INSERT INTO processed_event (event_id, received_at) VALUES (?, ?)", "EvBEFORE");
    }

    FakeSlack slack = FakeSlack.start(TestApp.BOT_TOKEN, TestApp.SIGNING_SECRET);
    try (TestApp app = TestApp.start(slack, url, Map.of())) {
      OnceLedger ledger = app.bean(OnceLedger.class);
      assertFalse(ledger.firstTime(Once.REQUEST, "sig:v0=ab"), "the replayed request is refused");
      assertFalse(ledger.firstTime(Once.EVENT, "EvBEFORE"), "the redelivered event is refused");
      assertTrue(ledger.firstTime(Once.EVENT, "EvAFTER"), "a new event is handled");
      assertTrue(ledger.firstTime(Once.EVENT, "sig:v0=ab"), "kinds keep their namespaces");
    }
  }

  private static void insert(Connection c, String sql, String key) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(sql)) {
      s.setString(1, key);
      s.setObject(2, OffsetDateTime.now());
      s.executeUpdate();
    }
  }
}
