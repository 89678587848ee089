/**
 * The hypothesis board in Slack: {@code /incident hypothesis}, {@code hypotheses}, {@code ruleout},
 * {@code confirm}, the board's buttons and the "track as hypothesis" shortcut.
 */
package io.warroom.slack.hypothesis;
