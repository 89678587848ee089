/**
 * The hypothesis board: what responders think is wrong (H1, H2, ... per incident), who is checking
 * which, and which were confirmed or ruled out, so that five people do not chase five directions
 * unseen. Changes go through {@link io.warroom.hypothesis.Hypotheses}, publish timeline events and
 * redraw the board message in the war room; nothing here knows about Slack.
 */
package io.warroom.hypothesis;
