/**
 * The timeline: every message, edit, deletion and decision in a war room, stored once. {@link
 * io.warroom.timeline.TimelineWriter} is its single writer; it takes incident events (inside the
 * change's transaction) and captured Slack messages, already turned into domain calls by {@link
 * io.warroom.timeline.TimelineCapture}. Reading is {@link io.warroom.timeline.Timeline}'s job.
 */
package io.warroom.timeline;
