/**
 * The process review ({@code /incident review [N]}): the last N resolved incidents, each as its
 * phases with durations, update punctuality, handovers, stakeholder interruptions and action items,
 * then what recurs across them. {@link io.warroom.review.ProcessReview} is a pure function of a
 * {@link io.warroom.review.ReviewInput}; {@link io.warroom.review.ReviewLoader} reads one.
 */
package io.warroom.review;
