/**
 * Decisions ("roll back now", "fail over to the secondary") recorded as such, with who decided and
 * when, so the channel, the timeline and the postmortem show them apart from the talk around them.
 */
package io.warroom.decision;
