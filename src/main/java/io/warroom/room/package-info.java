/**
 * The incident's room in the chat platform, as data and pure renderings: the room row and its
 * directory ({@link io.warroom.room.WarRooms}), channel naming, the pinned card ({@link
 * io.warroom.room.CardView}) and topic, the lines other features add to the card, and the
 * installation id. Delivery lives in {@code room.delivery}, wording in {@code room.text}.
 */
package io.warroom.room;
