package io.warroom.alert;

/**
 * Published in the transaction that created or changed an alert group; listeners that act after the
 * commit (the triage card, the incident's room) read the group's stored state.
 */
public record AlertGroupChanged(long groupId) {}
