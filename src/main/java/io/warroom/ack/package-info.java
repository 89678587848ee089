/**
 * Answering Slack in time, without Slack types: {@link io.warroom.ack.Deadline} (wait for work at
 * most a patience; withdraw what has not begun), used by the Slack layer's command and event
 * deadlines; {@link io.warroom.ack.AckFirst} (background work gives way while requests are being
 * answered); {@link io.warroom.ack.GroupCommit} (short writes of concurrent requests share one
 * commit). Why each exists, and what it was measured to buy: docs/decisions/0006.
 */
package io.warroom.ack;
