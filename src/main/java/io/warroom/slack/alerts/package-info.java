/**
 * Alerts in Slack: the triage card's Declare / Attach / Noise buttons and {@code /incident attach}.
 */
package io.warroom.slack.alerts;
