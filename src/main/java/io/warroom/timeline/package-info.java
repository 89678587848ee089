/**
 * The timeline: every message, edit, deletion and decision in a war room, stored once. {@link
 * io.warroom.timeline.TimelineWriter} is its single writer; it takes incident events (inside the
 * change's transaction) and captured Slack messages, already turned into domain calls by {@link
 * io.warroom.timeline.TimelineCapture}. A pushpin that Slack delivers before its message waits in
 * {@code early_pin} until {@link io.warroom.timeline.EarlyPinSweep} hands it to the writer. Reading
 * is {@link io.warroom.timeline.Timeline}'s job.
 */
package io.warroom.timeline;
