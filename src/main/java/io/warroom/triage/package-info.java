/**
 * Triage of alert groups (SPEC section 11): the card each firing, unattached group gets in the
 * alerts channel, drawn from the group's stored state and delivered exactly once across restarts
 * and replicas (a lease and fencing token on the group's row, as war rooms have); what its buttons
 * do (declare, attach, noise); auto-declaration above a severity. No Slack types here: the card is
 * a {@link io.warroom.chat.ChatMessage} and goes out through {@link io.warroom.chat.ChatPort}.
 */
package io.warroom.triage;
