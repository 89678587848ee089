package io.warroom.room;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.warroom.room.delivery.WarRoomSync;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Where an incident lives in the chat platform and how far building it has got. Only {@link
 * WarRoomSync} writes the build fields, while it holds the room's lease.
 */
@MappedEntity("war_room")
public record WarRoom(
    @Id Long incidentId,
    String channelBase,
    int nameAttempt,
    @Nullable Instant createStartedAt,
    @Nullable String channelId,
    @Nullable String channelName,
    String invited,
    @Nullable String topic,
    @Nullable String cardTs,
    long syncedRevision,
    boolean cardPinned,
    @Nullable String threadTs,
    @Nullable String leaseOwner,
    @Nullable Instant leaseUntil,
    @Nullable Instant retryAt,
    int failures,
    @Nullable String lastError,
    long leaseGeneration) {

  public static WarRoom planned(long incidentId, String channelBase) {
    return new WarRoom(
        incidentId,
        channelBase,
        1,
        null,
        null,
        null,
        "",
        null,
        null,
        -1,
        false,
        null,
        null,
        null,
        null,
        0,
        null,
        0);
  }

  /** The users already invited. */
  public Set<String> invitedUsers() {
    Set<String> users = new LinkedHashSet<>();
    if (!invited.isBlank()) {
      users.addAll(Arrays.asList(invited.split(",")));
    }
    return users;
  }
}
