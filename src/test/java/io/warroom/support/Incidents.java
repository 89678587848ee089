package io.warroom.support;

import io.warroom.incident.Incident;
import io.warroom.incident.Severity;
import io.warroom.incident.Status;
import java.time.Instant;

/** Incident rows as a declaration's ack stores them, for tests that write them directly. */
public final class Incidents {

  private Incidents() {}

  /** A SEV2 incident just declared by U1, with the given IC or none. */
  public static Incident declared(String requestKey, String title, String commander) {
    return new Incident(
        null,
        requestKey,
        title,
        null,
        Severity.SEV2,
        Status.INVESTIGATING,
        false,
        false,
        "U1",
        commander,
        null,
        null,
        null,
        Instant.now(),
        null,
        null,
        0);
  }
}
