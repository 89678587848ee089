/**
 * Slack, and only here: the only package tree that imports {@code com.slack.api}. The root holds
 * the vocabulary the feature subpackages share: {@link io.warroom.slack.SlackIds} (every action,
 * block and callback id), {@link io.warroom.slack.SlackText} (reading what users type), the
 * settings, the command helper {@link io.warroom.slack.MentionArg} and modal parts. {@code inbound}
 * receives requests, {@code webapi} calls Slack, and one subpackage per feature holds its listeners
 * and modals.
 */
package io.warroom.slack;
