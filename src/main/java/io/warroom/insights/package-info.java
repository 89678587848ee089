/**
 * Insights (SPEC section 14): per month and severity, how fast incidents were declared, mitigated
 * and resolved (median and 90th percentile), how punctual status updates were, what became of
 * action items, and which alerts were judged noise. Drills and private incidents are left out. No
 * Slack types here; the REST API and the pages render what {@link io.warroom.insights.Insights}
 * computes.
 */
package io.warroom.insights;
