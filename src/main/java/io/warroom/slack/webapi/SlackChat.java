package io.warroom.slack.webapi;

import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.request.files.FilesCompleteUploadExternalRequest;
import com.slack.api.methods.response.conversations.ConversationsCreateResponse;
import com.slack.api.methods.response.conversations.ConversationsHistoryResponse;
import com.slack.api.methods.response.conversations.ConversationsListResponse;
import com.slack.api.methods.response.conversations.ConversationsRepliesResponse;
import com.slack.api.model.Conversation;
import com.slack.api.model.ConversationType;
import com.slack.api.model.Message;
import io.micronaut.core.annotation.Nullable;
import io.warroom.chat.ChatFailure;
import io.warroom.chat.ChatMessage;
import io.warroom.chat.ChatPort;
import io.warroom.slack.SlackIds;
import io.warroom.slack.webapi.WebApiPacer.Urgency;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.Supplier;

/** The chat port on Slack's Web API. */
public final class SlackChat implements ChatPort {

  /** Messages per page of history; Slack's recommended page size. */
  private static final int PAGE = 200;

  private final MethodsClient methods;
  private final SlackCalls calls;
  private final Supplier<String> botUserId;
  private final Supplier<String> workspaceUrl;

  /**
   * The client that sends file bytes to the upload URL Slack hands out, built on the first upload
   * rather than at start-up: it sets up TLS and a selector thread, and few incidents need it.
   */
  private static final class Uploads {
    static final HttpClient HTTP =
        HttpClient.newBuilder().connectTimeout(java.time.Duration.ofSeconds(10)).build();
  }

  public SlackChat(
      MethodsClient methods,
      SlackCalls calls,
      Supplier<String> botUserId,
      Supplier<String> workspaceUrl) {
    this.methods = methods;
    this.calls = calls;
    this.botUserId = botUserId;
    this.workspaceUrl = workspaceUrl;
  }

  @Override
  public Channel createChannel(String name, boolean isPrivate) {
    ConversationsCreateResponse r =
        calls.call(
            "conversations.create",
            null,
            Urgency.FIRST,
            false,
            () -> methods.conversationsCreate(req -> req.name(name).isPrivate(isPrivate)));
    return channel(r.getChannel());
  }

  @Override
  public Optional<Channel> findChannel(String name) {
    String cursor = null;
    do {
      String page = cursor;
      ConversationsListResponse r =
          calls.call(
              "conversations.list",
              null,
              Urgency.FIRST,
              true,
              () ->
                  methods.conversationsList(
                      req ->
                          req.types(
                                  List.of(
                                      ConversationType.PUBLIC_CHANNEL,
                                      ConversationType.PRIVATE_CHANNEL))
                              .excludeArchived(true)
                              .limit(1000)
                              .cursor(page)));
      for (Conversation c : r.getChannels()) {
        if (name.equals(c.getName())) {
          return Optional.of(channel(c));
        }
      }
      cursor = r.getResponseMetadata() == null ? null : r.getResponseMetadata().getNextCursor();
    } while (cursor != null && !cursor.isEmpty());
    return Optional.empty();
  }

  @Override
  public void invite(String channelId, Collection<String> userIds) {
    for (String user : userIds) {
      try {
        calls.call(
            "conversations.invite",
            null,
            Urgency.FIRST,
            true,
            () -> methods.conversationsInvite(req -> req.channel(channelId).users(List.of(user))));
      } catch (ChatFailure failure) {
        // Already there, or someone Slack will never let in: neither should block the war room.
        if (failure.isTransient() || failure.kind() == ChatFailure.Kind.CHANNEL_NOT_FOUND) {
          throw failure;
        }
      }
    }
  }

  @Override
  public void join(String channelId) {
    calls.call(
        "conversations.join", true, () -> methods.conversationsJoin(req -> req.channel(channelId)));
  }

  @Override
  public void setTopic(String channelId, String topic) {
    calls.call(
        "conversations.setTopic",
        true,
        () -> methods.conversationsSetTopic(req -> req.channel(channelId).topic(topic)));
  }

  @Override
  public String post(String channelId, @Nullable String threadTs, ChatMessage message, String key) {
    return calls
        .call(
            "chat.postMessage",
            channelId,
            Urgency.FIRST,
            false,
            () ->
                methods.chatPostMessage(
                    req ->
                        req.channel(channelId)
                            .threadTs(threadTs)
                            .text(message.text())
                            .blocks(BlockKitRenderer.blocks(message))
                            .unfurlLinks(false)
                            .unfurlMedia(false)
                            .metadata(
                                Message.Metadata.builder()
                                    .eventType(SlackIds.POST_METADATA_TYPE)
                                    .eventPayload(Map.of("key", key))
                                    .build())))
        .getTs();
  }

  /**
   * Looks through every message since {@code since}, page by page (a busy war room gets hundreds
   * between a lost answer and the retry), for the one that carries this key. Only the key is
   * matched, and it names this installation, so another install's post never counts as ours.
   */
  @Override
  public Optional<String> findPosted(
      String channelId, @Nullable String threadTs, String key, Instant since) {
    return firstSince(channelId, threadTs, since, true, m -> carriesKey(m, key))
        .map(Message::getTs);
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
  private Optional<Message> firstSince(
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

  @Override
  public void update(String channelId, String ts, ChatMessage message) {
    calls.call(
        "chat.update",
        true,
        () ->
            methods.chatUpdate(
                req ->
                    req.channel(channelId)
                        .ts(ts)
                        .text(message.text())
                        .blocks(BlockKitRenderer.blocks(message))));
  }

  @Override
  public void pin(String channelId, String ts) {
    try {
      calls.call(
          "pins.add", true, () -> methods.pinsAdd(req -> req.channel(channelId).timestamp(ts)));
    } catch (ChatFailure failure) {
      if (!failure.getMessage().endsWith("already_pinned")) {
        throw failure;
      }
    }
  }

  @Override
  public String botUserId() {
    return botUserId.get();
  }

  @Override
  public Optional<String> userName(String userId) {
    try {
      var r = calls.call("users.info", true, () -> methods.usersInfo(req -> req.user(userId)));
      var user = r.getUser();
      if (user == null) {
        return Optional.empty();
      }
      var profile = user.getProfile();
      if (profile != null
          && profile.getDisplayName() != null
          && !profile.getDisplayName().isBlank()) {
        return Optional.of(profile.getDisplayName());
      }
      return Optional.ofNullable(user.getRealName() != null ? user.getRealName() : user.getName());
    } catch (ChatFailure failure) {
      if (failure.isTransient()) {
        throw failure;
      }
      return Optional.empty();
    }
  }

  @Override
  public String permalink(String channelId, String ts, @Nullable String threadTs) {
    String link = workspaceUrl.get() + "archives/" + channelId + "/p" + ts.replace(".", "");
    if (threadTs != null && !threadTs.equals(ts)) {
      link += "?thread_ts=" + threadTs + "&cid=" + channelId;
    }
    return link;
  }

  @Override
  public void deleteFile(String fileId) {
    try {
      calls.call("files.delete", false, () -> methods.filesDelete(req -> req.file(fileId)));
    } catch (ChatFailure failure) {
      if (!failure.getMessage().contains("file_not_found")
          && !failure.getMessage().contains("file_deleted")) {
        throw failure;
      }
    }
  }

  @Override
  public String uploadFile(String filename, byte[] content) {
    var url =
        calls.call(
            "files.getUploadURLExternal",
            true,
            () ->
                methods.filesGetUploadURLExternal(
                    req -> req.filename(filename).length(content.length)));
    try {
      HttpResponse<String> sent =
          Uploads.HTTP.send(
              HttpRequest.newBuilder(URI.create(url.getUploadUrl()))
                  .timeout(java.time.Duration.ofSeconds(30))
                  .POST(HttpRequest.BodyPublishers.ofByteArray(content))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      if (sent.statusCode() != 200) {
        throw new ChatFailure(
            sent.statusCode() >= 500 || sent.statusCode() == 429
                ? ChatFailure.Kind.UNAVAILABLE
                : ChatFailure.Kind.REJECTED,
            "file upload: HTTP " + sent.statusCode());
      }
    } catch (java.io.IOException e) {
      throw new ChatFailure(
          ChatFailure.Kind.UNAVAILABLE, "file upload: " + e.getMessage(), null, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ChatFailure(ChatFailure.Kind.UNAVAILABLE, "file upload interrupted", null, e);
    }
    return url.getFileId();
  }

  @Override
  public void shareFile(String fileId, String title, String channelId, @Nullable String comment) {
    calls.call(
        "files.completeUploadExternal",
        false,
        () ->
            methods.filesCompleteUploadExternal(
                req ->
                    req.files(
                            List.of(
                                FilesCompleteUploadExternalRequest.FileDetails.builder()
                                    .id(fileId)
                                    .title(title)
                                    .build()))
                        .channelId(channelId)
                        .initialComment(comment)));
  }

  @Override
  public boolean fileShared(String channelId, String fileId, Instant since) {
    return firstSince(
            channelId,
            null,
            since,
            false,
            m ->
                m.getFiles() != null
                    && m.getFiles().stream().anyMatch(f -> fileId.equals(f.getId())))
        .isPresent();
  }

  private static Channel channel(Conversation c) {
    return new Channel(
        c.getId(),
        c.getName(),
        c.getCreator(),
        c.getCreated() == null ? null : Instant.ofEpochSecond(c.getCreated()));
  }
}
