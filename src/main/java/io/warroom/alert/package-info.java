/**
 * Alerts in (SPEC section 11): Alertmanager, Grafana and PagerDuty-style notifications arrive over
 * HTTP, are checked (token, size, shape), and become one {@link io.warroom.alert.AlertGroup} per
 * source and source key, stored before the answer and updated in place by each later notification.
 * A repeated notification changes nothing.
 *
 * <p>Nothing here talks to Slack: the triage card, auto-declare and the incident's view of its
 * alerts read the stored groups. Text from alerts is stored verbatim; escaping happens where it is
 * output ({@code io.warroom.output}).
 */
package io.warroom.alert;
