/**
 * What one person's App Home shows: their roles in open incidents, their open tasks and action
 * items, the open and recently resolved incidents, and the last 30 days in figures. Slack-free: the
 * Slack layer ({@code io.warroom.slack.home}) draws and publishes it.
 */
package io.warroom.home;
