/**
 * One listener per Events API event the timeline captures (messages, edits, deletions, files,
 * reactions, joins; see app-manifest.yml), each stored within Slack's 3 s through {@link
 * io.warroom.slack.inbound.BoundedWrite}.
 */
package io.warroom.slack.capture;
