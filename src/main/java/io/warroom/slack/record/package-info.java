/**
 * What is recorded and learned, in Slack: notes, decisions, the timeline, redaction, the
 * postmortem, the process review, insights and share links.
 */
package io.warroom.slack.record;
