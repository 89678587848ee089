/**
 * Who goes first when the two cores are busy: {@link io.warroom.pacing.AckFirst} lets the requests
 * Slack is waiting for run ahead of background work. It knows no feature and no Slack type.
 */
package io.warroom.pacing;
