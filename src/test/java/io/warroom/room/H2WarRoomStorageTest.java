package io.warroom.room;

import io.warroom.support.TestApp;

/** The storage contract on the default embedded H2. */
class H2WarRoomStorageTest extends WarRoomStorageContract {

  @Override
  String jdbcUrl() {
    return TestApp.inMemoryDatabase();
  }
}
