/**
 * Calls to Slack's Web API: the {@code chat} port on Slack ({@link
 * io.warroom.slack.webapi.SlackChat}, with its channels, history and files in their own classes),
 * retries and {@code Retry-After} ({@link io.warroom.slack.webapi.SlackCalls}), per-method pacing,
 * the bot's identity and token checks, Block Kit rendering, App Home publishing, and calls made
 * just after an ack ({@link io.warroom.slack.webapi.AfterAck}).
 */
package io.warroom.slack.webapi;
