package io.warroom.insights;

/**
 * The figures of one month (UTC, by declaration) and severity (as the incident stands now), or of
 * all severities of the month when {@code severity} is {@code "all"}.
 *
 * @param incidents incidents declared that month with that severity (drills and private ones left
 *     out)
 * @param toDeclare from detected to declared
 * @param toMitigate from detected to mitigated, over the incidents that were marked mitigated
 * @param toResolve from detected to resolved, over the incidents that were resolved
 */
public record Row(
    String month,
    String severity,
    int incidents,
    Figure toDeclare,
    Figure toMitigate,
    Figure toResolve,
    Updates updates,
    Actions actionItems) {

  /**
   * Status updates posted in these incidents, and how many went out before a reminder for them.
   *
   * @param incidents incidents with at least one status update
   */
  public record Updates(int incidents, int sent, int beforeReminder) {}

  /**
   * Action items recorded for these incidents.
   *
   * @param incidents incidents with at least one action item
   * @param overdue still open {@link Insights#OVERDUE_AFTER} after they were recorded
   */
  public record Actions(int incidents, int created, int done, int overdue) {}
}
