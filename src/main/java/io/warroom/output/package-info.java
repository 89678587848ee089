/**
 * How text from users is written for each place Warroom writes it: Slack mrkdwn, Markdown (the
 * postmortem), HTML (pages) and CSV (exports). Every sink goes through {@link
 * io.warroom.output.UserText}, so what makes a target safe is decided once, and the hostile-text
 * test runs the same corpus against each.
 */
package io.warroom.output;
