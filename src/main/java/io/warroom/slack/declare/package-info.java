/**
 * Declaring in Slack: {@code /incident declare}, the declare modal, the declare button, and the
 * global and message shortcuts.
 */
package io.warroom.slack.declare;
