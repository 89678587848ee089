/**
 * What each incident event says in chat: the room's lines, the announce channel's mirror, the
 * reminders. Pure functions from events to {@code chat} messages, tested in the fast tier.
 */
package io.warroom.room.text;
