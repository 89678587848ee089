package io.warroom.room;

import java.util.Optional;

/**
 * Settings of the war rooms: the channel-name prefix and the stakeholder channel that declarations,
 * status updates and resolutions are mirrored to.
 */
public record WarRoomSettings(String channelPrefix, Optional<String> announceChannel) {}
