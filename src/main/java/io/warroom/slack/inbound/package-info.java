/**
 * Requests from Slack in: the {@code /slack/events} controller and Socket Mode, the Bolt app's
 * middleware (signature, replay, own-event filter, bot authorization, ack timer), the registrar and
 * the {@code /incident} router, the listener interfaces features implement, and the deadline rules
 * that answer Slack within 3 s ({@link io.warroom.slack.inbound.CommandDeadline}, {@link
 * io.warroom.slack.inbound.BoundedWrite}); see docs/decisions/0006.
 */
package io.warroom.slack.inbound;
