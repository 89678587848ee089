package io.warroom.slack.inbound;

/**
 * One {@code /incident} invocation, after the subcommand word.
 *
 * @param args the text after the subcommand, as Slack sent it (escaped, mentions as {@code <@U…>})
 */
public record CommandCall(
    String userId, String channelId, String triggerId, String responseUrl, String args) {}
