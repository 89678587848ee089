package io.warroom.room;

import io.warroom.support.Postgres;

/** The storage contract on a real PostgreSQL, with the same migrations. */
class PostgresWarRoomStorageTest extends WarRoomStorageContract {

  @Override
  String jdbcUrl() {
    return Postgres.newDatabase();
  }
}
