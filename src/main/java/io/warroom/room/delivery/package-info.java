/**
 * The outbox any feature queues into and its delivery. {@link
 * io.warroom.room.delivery.WarRoomRecorder} turns incident events into outbox rows inside the
 * change's transaction; {@link io.warroom.room.delivery.WarRoomSync} decides when a room is due and
 * {@link io.warroom.room.delivery.LeasedPasses} claims its lease and runs {@link
 * io.warroom.room.delivery.WarRoomPass}: create the channel ({@link
 * io.warroom.room.delivery.RoomChannel}), invite ({@link io.warroom.room.delivery.RoomMembers}),
 * set the topic ({@link io.warroom.room.delivery.RoomTopic}), post in order, once ({@link
 * io.warroom.room.delivery.OutboxDelivery}), pin and redraw the card ({@link
 * io.warroom.room.delivery.RoomCard}), across restarts and replicas, with back-off on failure.
 */
package io.warroom.room.delivery;
