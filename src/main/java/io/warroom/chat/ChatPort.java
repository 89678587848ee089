package io.warroom.chat;

import io.micronaut.core.annotation.Nullable;
import java.time.Instant;
import java.util.Collection;
import java.util.Optional;

/**
 * What Warroom asks of the chat platform. Every call either succeeds or throws {@link ChatFailure};
 * implementations retry transient failures briefly before giving up.
 */
public interface ChatPort {

  /** Creates a channel; throws {@link ChatFailure.Kind#NAME_TAKEN} when the name is in use. */
  Channel createChannel(String name, boolean isPrivate);

  /** An existing channel with this exact name, public or private, that the bot can see. */
  Optional<Channel> findChannel(String name);

  /** Invites users; those already in the channel are not an error. */
  void invite(String channelId, Collection<String> userIds);

  void join(String channelId);

  void setTopic(String channelId, String topic);

  /**
   * Posts a message and returns its timestamp. The key is attached to the message so that {@link
   * #findPosted} can recognise it after a failure that left its fate unknown.
   */
  String post(String channelId, @Nullable String threadTs, ChatMessage message, String key);

  /**
   * The timestamp of a message posted with this key since the given time, in the channel or, when
   * {@code threadTs} is given, in that thread.
   */
  Optional<String> findPosted(
      String channelId, @Nullable String threadTs, String key, Instant since);

  void update(String channelId, String ts, ChatMessage message);

  /** Pins a message; an already pinned message is not an error. */
  void pin(String channelId, String ts);

  /** The user id of the bot itself. */
  String botUserId();

  /** A person's display name; empty if the platform does not know them. */
  Optional<String> userName(String userId);

  /** A link to a message (or a reply in a thread), built without asking the platform. */
  String permalink(String channelId, String ts, @Nullable String threadTs);

  /**
   * Uploads a file without sharing it anywhere yet; returns its id. Repeating this only leaves an
   * unshared copy behind.
   */
  String uploadFile(String filename, byte[] content);

  /**
   * Shares an uploaded file into a channel, with a comment; may have happened despite a failure.
   */
  void shareFile(String fileId, String title, String channelId, @Nullable String comment);

  /** Deletes a file Warroom uploaded; a file already gone counts as deleted. */
  void deleteFile(String fileId);

  /** Whether this file was shared into the channel since the given time. */
  boolean fileShared(String channelId, String fileId, Instant since);

  /** A channel as the platform knows it. */
  record Channel(String id, String name, @Nullable String creator, @Nullable Instant created) {}
}
