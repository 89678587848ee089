package io.warroom.timeline;

import io.micronaut.core.annotation.Nullable;
import java.time.Instant;
import java.util.List;

/**
 * A message seen in a war room, in domain words.
 *
 * @param author the user, or another app's bot id
 * @param botName another app's display name, when the author is a bot
 * @param files names and links of attached files (never their contents)
 */
public record CapturedMessage(
    String channelId,
    String ts,
    @Nullable String threadTs,
    @Nullable String author,
    @Nullable String botName,
    String text,
    List<FileLink> files,
    Instant at) {

  public CapturedMessage {
    files = files == null ? List.of() : List.copyOf(files);
  }

  /** An attached file, by name and link. */
  public record FileLink(String name, @Nullable String title, @Nullable String link) {}
}
