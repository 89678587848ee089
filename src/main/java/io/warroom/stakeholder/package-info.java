/**
 * Stakeholders kept away from the people debugging (SPEC section 13): a bystander's "ETA?" in the
 * war room is answered privately with the latest status update and when the next is due, and
 * counted. {@link io.warroom.stakeholder.StatusQuestion} is the detection rule, a pure function.
 */
package io.warroom.stakeholder;
