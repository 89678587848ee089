package io.warroom.slack.webapi;

import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.response.conversations.ConversationsCreateResponse;
import com.slack.api.methods.response.conversations.ConversationsListResponse;
import com.slack.api.model.Conversation;
import com.slack.api.model.ConversationType;
import io.warroom.chat.ChatFailure;
import io.warroom.chat.ChatPort.Channel;
import io.warroom.slack.webapi.WebApiPacer.Urgency;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Channels in Slack, for {@link SlackChat}: create, find by name, invite, join, set the topic. */
final class SlackChannels {

  private final MethodsClient methods;
  private final SlackCalls calls;

  SlackChannels(MethodsClient methods, SlackCalls calls) {
    this.methods = methods;
    this.calls = calls;
  }

  Channel createChannel(String name, boolean isPrivate) {
    ConversationsCreateResponse r =
        calls.call(
            "conversations.create",
            null,
            Urgency.FIRST,
            false,
            () -> methods.conversationsCreate(req -> req.name(name).isPrivate(isPrivate)));
    return channel(r.getChannel());
  }

  Optional<Channel> findChannel(String name) {
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

  void invite(String channelId, Collection<String> userIds) {
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

  void join(String channelId) {
    calls.call(
        "conversations.join", true, () -> methods.conversationsJoin(req -> req.channel(channelId)));
  }

  void setTopic(String channelId, String topic) {
    calls.call(
        "conversations.setTopic",
        true,
        () -> methods.conversationsSetTopic(req -> req.channel(channelId).topic(topic)));
  }

  private static Channel channel(Conversation c) {
    return new Channel(
        c.getId(),
        c.getName(),
        c.getCreator(),
        c.getCreated() == null ? null : Instant.ofEpochSecond(c.getCreated()));
  }
}
