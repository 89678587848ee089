package io.warroom.room;

/**
 * The incident's exploration thread was posted and its ts stored. Replies Slack delivered before
 * that (a responder fast enough to answer the moment it appeared) can now be recognised as
 * exploration too.
 */
public record ExplorationThreadStarted(long incidentId, String threadTs) {}
