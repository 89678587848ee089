/**
 * Slack shortcuts: "Declare incident" on a message (the Declare modal, titled from the message and
 * linking it) and the global "Declare an incident" (the same modal, empty).
 */
package io.warroom.slack.shortcut;
