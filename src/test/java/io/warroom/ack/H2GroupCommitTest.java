package io.warroom.ack;

import io.warroom.support.TestApp;

/** Group commit on the default database, H2. */
class H2GroupCommitTest extends GroupCommitContract {

  @Override
  String jdbcUrl() {
    return TestApp.inMemoryDatabase();
  }
}
