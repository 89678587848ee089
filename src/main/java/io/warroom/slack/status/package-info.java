/**
 * An incident's status in Slack: updates (command, button, modal), severity, mitigated, resolved,
 * reopened, and {@code /incident list}.
 */
package io.warroom.slack.status;
