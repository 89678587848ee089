/** Tasks and action items in Slack: their commands, lists and done / won't-do buttons. */
package io.warroom.slack.tasks;
