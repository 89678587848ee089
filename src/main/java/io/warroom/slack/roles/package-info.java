/**
 * Roles in Slack: {@code /incident ic}, {@code role}, {@code handoff}, the handover modal, and the
 * accept and take-over buttons.
 */
package io.warroom.slack.roles;
