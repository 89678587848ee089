package io.warroom.config;

import org.slf4j.MDC;

/**
 * Puts the incident a thread is working on into the log's MDC, so every line logged meanwhile names
 * it ({@code incident=42} in text, {@code "mdc":{"incident":"42"}} in JSON).
 */
public final class IncidentLog {

  public static final String KEY = "incident";

  private IncidentLog() {}

  /** Until closed, log lines of this thread carry the incident id. */
  public static MDC.MDCCloseable about(long incidentId) {
    return MDC.putCloseable(KEY, Long.toString(incidentId));
  }
}
