package io.warroom.slack.webapi;

import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.response.conversations.ConversationsHistoryResponse;
import com.slack.api.methods.response.conversations.ConversationsRepliesResponse;
import com.slack.api.model.Message;
import io.micronaut.core.annotation.Nullable;
import io.warroom.slack.SlackIds;
import io.warroom.slack.webapi.WebApiPacer.Urgency;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Reads a channel's or a thread's messages since a time, page by page, for the one that matches:
 * how {@link SlackChat} finds out whether a post or a file share whose answer was lost did happen.
 */
final class SlackHistory {

  /** Messages per page of history; Slack's recommended page size. */
  private static final int PAGE = 200;

  private final MethodsClient methods;
  private final SlackCalls calls;

  SlackHistory(MethodsClient methods, SlackCalls calls) {
    this.methods = methods;
    this.calls = calls;
  }

  /**
   * The first message since {@code since} that carries this post key (see {@link SlackChat#post}).
   */
  Optional<Message> posted(String channelId, @Nullable String threadTs, String key, Instant since) {
    return firstSince(channelId, threadTs, since, true, m -> carriesKey(m, key));
  }

  private static boolean carriesKey(Message m, String key) {
    Message.Metadata metadata = m.getMetadata();
    return metadata != null
        && SlackIds.POST_METADATA_TYPE.equals(metadata.getEventType())
        && metadata.getEventPayload() != null
        && key.equals(metadata.getEventPayload().get("key"));
  }

  /**
   * The first message since the given time, in the channel or in one thread, that matches; reads
   * every page ({@code oldest} and {@code cursor}) until one does or there are no more.
   */
  Optional<Message> firstSince(
      String channelId,
      @Nullable String threadTs,
      Instant since,
      boolean withMetadata,
      Predicate<Message> wanted) {
    String oldest = since.getEpochSecond() + ".000000";
    String cursor = null;
    do {
      String page = cursor;
      List<Message> messages;
      if (threadTs == null) {
        ConversationsHistoryResponse r =
            calls.call(
                "conversations.history",
                null,
                Urgency.FIRST,
                true,
                () ->
                    methods.conversationsHistory(
                        req ->
                            req.channel(channelId)
                                .oldest(oldest)
                                .limit(PAGE)
                                .cursor(page)
                                .includeAllMetadata(withMetadata)));
        messages = r.getMessages();
        cursor = nextCursor(r.isHasMore(), r.getResponseMetadata());
      } else {
        ConversationsRepliesResponse r =
            calls.call(
                "conversations.replies",
                null,
                Urgency.FIRST,
                true,
                () ->
                    methods.conversationsReplies(
                        req ->
                            req.channel(channelId)
                                .ts(threadTs)
                                .oldest(oldest)
                                .limit(PAGE)
                                .cursor(page)
                                .includeAllMetadata(withMetadata)));
        messages = r.getMessages();
        cursor = nextCursor(r.isHasMore(), r.getResponseMetadata());
      }
      if (messages != null) {
        for (Message m : messages) {
          if (wanted.test(m)) {
            return Optional.of(m);
          }
        }
      }
    } while (cursor != null);
    return Optional.empty();
  }

  private static String nextCursor(Boolean hasMore, com.slack.api.model.ResponseMetadata metadata) {
    if (metadata == null
        || metadata.getNextCursor() == null
        || metadata.getNextCursor().isEmpty()) {
      return null;
    }
    return Boolean.FALSE.equals(hasMore) ? null : metadata.getNextCursor();
  }
}
