/**
 * The only package that imports {@code com.slack.api}. It holds the Bolt {@code App} factory, the
 * Micronaut controller at {@code /slack/events}, Socket Mode start-up, the listeners (one class per
 * command, action, view or event, all registered in {@link io.warroom.slack.ListenerRegistrar}),
 * Block Kit rendering, {@link io.warroom.slack.SlackIds}, and the {@code chat} port's Slack
 * implementation with its retries and error mapping ({@link io.warroom.slack.SlackCalls}).
 */
package io.warroom.slack;
