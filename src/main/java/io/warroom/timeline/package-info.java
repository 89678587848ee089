/**
 * The timeline: every message, edit, deletion and decision in a war room, stored once. Only this
 * package writes it: {@link io.warroom.timeline.TimelineWriter} the messages that {@link
 * io.warroom.timeline.TimelineCapture} captured, and {@link io.warroom.timeline.EntryWriter} the
 * entries that the listeners of incident events ({@code IncidentEntries}, {@code WorkEntries},
 * {@code CommandEntries}) record inside the change's transaction. A pushpin that Slack delivers
 * before its message waits in {@code early_pin} until {@link io.warroom.timeline.EarlyPinSweep}
 * hands it to the writer. Reading is {@link io.warroom.timeline.Timeline}'s job.
 */
package io.warroom.timeline;
