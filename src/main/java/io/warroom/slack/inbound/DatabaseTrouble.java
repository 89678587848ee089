package io.warroom.slack.inbound;

import io.micronaut.data.exceptions.DataAccessException;
import java.sql.SQLException;

/**
 * Whether a request failed because Warroom's database did not answer (unreachable, stalled, out of
 * connections), which the user is told plainly: it is not their doing, and trying again in a minute
 * is what helps.
 */
final class DatabaseTrouble {

  static final String NOTHING_CHANGED =
      "Warroom's database is not answering, so nothing was changed. Try again in a minute.";

  private DatabaseTrouble() {}

  static boolean causedBy(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof SQLException
          || t instanceof DataAccessException
          || t.getClass().getName().startsWith("io.micronaut.data.connection.")) {
        return true;
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return false;
  }
}
