package io.warroom.slack.webapi;

import com.slack.api.methods.MethodsClient;
import com.slack.api.model.Message;
import io.micronaut.core.annotation.Nullable;
import io.warroom.chat.ChatFailure;
import io.warroom.chat.ChatMessage;
import io.warroom.chat.ChatPort;
import io.warroom.slack.SlackIds;
import io.warroom.slack.webapi.WebApiPacer.Urgency;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The chat port on Slack's Web API: posts, card updates, pins and people here; channels ({@link
 * SlackChannels}), history ({@link SlackHistory}) and files ({@link SlackFiles}) in their own
 * classes. Every call goes through {@link SlackCalls} (retries, {@code Retry-After}, pacing).
 */
public final class SlackChat implements ChatPort {

  private final MethodsClient methods;
  private final SlackCalls calls;
  private final Supplier<String> botUserId;
  private final Supplier<String> workspaceUrl;
  private final SlackChannels channels;
  private final SlackHistory history;
  private final SlackFiles files;

  public SlackChat(
      MethodsClient methods,
      SlackCalls calls,
      Supplier<String> botUserId,
      Supplier<String> workspaceUrl) {
    this.methods = methods;
    this.calls = calls;
    this.botUserId = botUserId;
    this.workspaceUrl = workspaceUrl;
    this.channels = new SlackChannels(methods, calls);
    this.history = new SlackHistory(methods, calls);
    this.files = new SlackFiles(methods, calls, history);
  }

  @Override
  public Channel createChannel(String name, boolean isPrivate) {
    return channels.createChannel(name, isPrivate);
  }

  @Override
  public Optional<Channel> findChannel(String name) {
    return channels.findChannel(name);
  }

  @Override
  public void invite(String channelId, Collection<String> userIds) {
    channels.invite(channelId, userIds);
  }

  @Override
  public void join(String channelId) {
    channels.join(channelId);
  }

  @Override
  public void setTopic(String channelId, String topic) {
    channels.setTopic(channelId, topic);
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
    return history.posted(channelId, threadTs, key, since).map(Message::getTs);
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
    files.deleteFile(fileId);
  }

  @Override
  public String uploadFile(String filename, byte[] content) {
    return files.uploadFile(filename, content);
  }

  @Override
  public void shareFile(String fileId, String title, String channelId, @Nullable String comment) {
    files.shareFile(fileId, title, channelId, comment);
  }

  @Override
  public boolean fileShared(String channelId, String fileId, Instant since) {
    return files.shared(channelId, fileId, since);
  }
}
