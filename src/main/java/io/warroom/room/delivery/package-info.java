/**
 * The outbox any feature queues into and its delivery. {@link
 * io.warroom.room.delivery.WarRoomRecorder} turns incident events into outbox rows inside the
 * change's transaction; {@link io.warroom.room.delivery.WarRoomSync} claims a room's lease and runs
 * {@link io.warroom.room.delivery.WarRoomPass}: create the channel, invite, set the topic, post in
 * order, once, across restarts and replicas, with back-off on failure.
 */
package io.warroom.room.delivery;
