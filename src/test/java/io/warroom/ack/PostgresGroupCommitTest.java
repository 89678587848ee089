package io.warroom.ack;

import io.warroom.support.Postgres;

/** Group commit on a real PostgreSQL. */
class PostgresGroupCommitTest extends GroupCommitContract {

  @Override
  String jdbcUrl() {
    return Postgres.newDatabase();
  }
}
