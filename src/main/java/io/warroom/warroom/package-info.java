/**
 * The incident's room in the chat platform: its channel, topic, pinned card and exploration thread,
 * and the queue of messages about it. {@link io.warroom.warroom.WarRoomRecorder} turns incident
 * events into stored work inside the change's transaction; {@link io.warroom.warroom.WarRoomSync}
 * delivers that work through the {@code chat} port, once, in order, across restarts and replicas.
 * The card and topic are pure functions of the incident.
 */
package io.warroom.warroom;
