/**
 * The port features use to talk to the chat platform, in domain words: create a channel, invite,
 * set the topic, post, update, pin, upload. Messages are described by {@link
 * io.warroom.chat.ChatMessage}, a small platform-neutral block model whose texts use Slack-style
 * mrkdwn built with {@link io.warroom.chat.Mrkdwn}. No Slack types appear here; the Slack
 * implementation lives in {@code io.warroom.slack}.
 */
package io.warroom.chat;
