/**
 * The one "have we handled this id?" ledger ({@code handled_once}): a signed request replayed, a
 * modal submitted again after Slack gave up waiting, an Events API delivery Slack sends again. Each
 * id is claimed once, in the transaction of what it changes, and forgotten after three days, when
 * Slack can no longer send it again. The {@link io.warroom.once.Once} kind keeps the namespaces
 * apart.
 */
package io.warroom.once;
